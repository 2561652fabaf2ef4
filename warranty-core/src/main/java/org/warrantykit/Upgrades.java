package org.warrantykit;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.warrantykit.DeviceWarranties.Snapshot;
import org.warrantykit.spi.LedgerEntry;
import org.warrantykit.spi.PolicyDecision;
import org.warrantykit.spi.Transactions;
import org.warrantykit.spi.UpgradeRequest;
import org.warrantykit.spi.UpgradeRequestStore;
import org.warrantykit.spi.WarrantyRules;

/**
 * The free online upgrade: granted at once for online devices, pending until online otherwise. A
 * request and an online report each run as one {@link Transactions unit of work} (a pending request
 * is removed in the transaction that appends its upgrade).
 */
final class Upgrades {
    private static final Logger LOG = LoggerFactory.getLogger(Upgrades.class);
    static final CoverageSource UPGRADE_SOURCE = CoverageSource.upgrade();
    /** How far ahead of the service clock a reported online time may be. */
    static final Duration ONLINE_CLOCK_SKEW = Duration.ofDays(1);

    private final DeviceWarranties warranties;
    private final UpgradeRequestStore requests;
    private final Transactions transactions;

    Upgrades(DeviceWarranties warranties, UpgradeRequestStore requests, Transactions transactions) {
        this.warranties = warranties;
        this.requests = requests;
        this.transactions = transactions;
    }

    UpgradeResult request(AccountId account, String serial) {
        Device owned = warranties.ownedDevice(account, serial);
        SerialNumber sn = owned.serial();
        WarrantyRules policy = warranties.rules();
        UpgradeResult result = transactions.inTransaction(() -> warranties.retrying(sn, "upgrading", () -> {
            Device device = warranties.device(sn);
            LocalDate today = warranties.today();
            Snapshot now = warranties.snapshot(device, policy, today);
            Optional<Coverage> upgrade = DeviceWarranties.upgradeIn(now.entries());
            if (upgrade.isPresent()) {
                return Optional.of(new UpgradeResult(UpgradeStatus.UPGRADED, "Already upgraded from "
                        + upgrade.get().start() + " to " + upgrade.get().end() + "; upgrades do not stack.", now.view()));
            }
            if (!now.decision().upgrade().eligible()) {
                return Optional.of(notEligible(now.decision(), now));
            }
            if (device.onlineSince().isEmpty()) {
                boolean added = requests.addIfAbsent(new UpgradeRequest(sn, account, warranties.clock().instant()));
                // The device may have come online between our read and the store: apply it now then.
                if (onlineSinceOrWithdraw(sn, added).isEmpty()) {
                    return Optional.of(new UpgradeResult(UpgradeStatus.PENDING_ONLINE, "The upgrade will be applied "
                            + "automatically as soon as the device is online (sends data).", now.view()));
                }
                return Optional.of(applyPendingNow(sn, policy, today));
            }
            LocalDate applyOn = laterOf(today, warranties.dayOf(device.onlineSince().get()));
            Snapshot at = applyOn.equals(today) ? now : warranties.snapshot(device, policy, applyOn);
            if (!at.decision().upgrade().eligible()) {
                return Optional.of(notEligible(at.decision(), now));
            }
            // The view after the grant, explained by the decision that produced it (which names the
            // upgrade rule); decided before the append, so a policy failing then leaves nothing.
            List<LedgerEntry> added = upgradeEntries(at);
            WarrantyView after = warranties.afterAppending(at, added, policy, today).view();
            if (!warranties.append(at, added)) {
                return Optional.empty();
            }
            LOG.info("device {} upgraded by {} (+{} y) under rule set {}", sn, account,
                    at.decision().upgrade().years(), at.decision().trace().ruleSetVersion());
            return Optional.of(new UpgradeResult(UpgradeStatus.UPGRADED, at.decision().upgrade().reason(), after));
        }));
        // In a database transaction neither this request nor an online report running at the same
        // time sees the other's uncommitted row, so both may leave the request pending. Once both
        // have committed, whichever checks last sees the other: here, and after every online report.
        if (result.status() != UpgradeStatus.PENDING_ONLINE) {
            return result;
        }
        return catchUp(sn, result, () -> requests.onlineSince(sn).isEmpty() ? result
                : transactions.inTransaction(() -> applyPendingNow(sn, policy, warranties.today())));
    }

    /**
     * Runs the check for a report or request that raced this committed call; if the check fails, the
     * call still answers with {@code committed}: what it wrote stays, and the next online report
     * applies a request the check missed. A call whose work committed never reports a failure.
     */
    private <T> T catchUp(SerialNumber sn, T committed, java.util.function.Supplier<T> check) {
        try {
            return check.get();
        } catch (RuntimeException e) {
            LOG.warn("device {}: could not check for an upgrade request or online report made meanwhile; "
                    + "the next online report applies it", sn, e);
            return committed;
        }
    }

    /**
     * Reads the device's online time right after {@code added} a request; if that read fails, the
     * request added is taken back first. Stores without transactions then keep nothing of a call that
     * failed (a database rolls it back anyway).
     */
    private Optional<Instant> onlineSinceOrWithdraw(SerialNumber sn, boolean added) {
        try {
            return requests.onlineSince(sn);
        } catch (RuntimeException failure) {
            if (added) {
                try {
                    requests.remove(sn);
                } catch (RuntimeException alsoFailed) {
                    failure.addSuppressed(alsoFailed);
                }
            }
            throw failure;
        }
    }

    /** Applies the pending request of a device now known to be online, and says what came of it. */
    private UpgradeResult applyPendingNow(SerialNumber sn, WarrantyRules policy, LocalDate today) {
        applyPending(sn, Optional.empty());
        Snapshot after = warranties.snapshot(warranties.device(sn), policy, today);
        return after.upgraded()
                ? new UpgradeResult(UpgradeStatus.UPGRADED, "Upgraded until " + after.view().end() + ".", after.view())
                : notEligible(after.decision(), after);
    }

    void deviceOnline(String serial, Instant at) {
        InvalidValueException.require("at", at);
        // A device clock may run a little ahead; a report far in the future is a bad timestamp that
        // would otherwise become the device's permanent "online since".
        Instant latest = warranties.clock().instant().plus(ONLINE_CLOCK_SKEW);
        if (at.isAfter(latest)) {
            throw new InvalidValueException("at", "the device cannot have come online at " + at
                    + ", later than now (" + warranties.clock().instant() + ") plus " + ONLINE_CLOCK_SKEW.toHours() + " h");
        }
        SupportedDates.require("at", at); // the far past: would overflow every date computed from it
        Device current = warranties.device(SerialNumber.parse(serial));
        SerialNumber sn = current.serial();
        // Decide a pending upgrade before anything is recorded: a policy that fails for this device then
        // leaves no online time behind (in memory nothing could roll it back), and the decision made
        // here is the one applied once the online time is stored.
        Device reported = current.onlineSince().filter(since -> !since.isAfter(at)).isPresent() ? current
                : current.withOnlineSince(at);
        WarrantyRules policy = warranties.rules();
        Optional<Pending> decided = requests.pending(sn).map(request -> decide(reported, policy,
                applyDay(request, reported)));
        transactions.inTransaction(() -> {
            requests.recordOnline(sn, at);
            applyPending(sn, decided);
            return null;
        });
        // A request committed while this report was in flight may have been invisible to it (see request).
        catchUp(sn, null, () -> requests.pending(sn).isEmpty() ? null : transactions.inTransaction(() -> {
            applyPending(sn, Optional.empty());
            return null;
        }));
    }

    /** A pending request decided for a device and day: the snapshot, and the upgrade to append if eligible. */
    private record Pending(Device device, LocalDate on, Snapshot at, List<LedgerEntry> added) {
    }

    private Pending decide(Device device, WarrantyRules policy, LocalDate on) {
        Snapshot at = warranties.snapshot(device, policy, on);
        boolean grant = !at.upgraded() && at.decision().upgrade().eligible();
        return new Pending(device, on, at, grant ? upgradeEntries(at) : List.of());
    }

    /**
     * Applies a pending request on the later of its request day and the device's online day, with
     * {@code decided} when it was decided for this device and day; decides again only otherwise or
     * after another caller appended first.
     */
    private void applyPending(SerialNumber sn, Optional<Pending> decided) {
        Optional<UpgradeRequest> request = requests.pending(sn);
        Device device = warranties.device(sn);
        if (request.isEmpty() || device.onlineSince().isEmpty()) {
            return;
        }
        if (warranties.replacements().replacementOf(sn).isPresent()) {
            // the unit was swapped: its warranty is the replacement's now, whose owner asks for its upgrade
            if (requests.remove(sn)) {
                LOG.info("pending upgrade of {} dropped: the device was replaced", sn);
            }
            return;
        }
        WarrantyRules policy = warranties.rules();
        LocalDate applyOn = applyDay(request.get(), device);
        Pending first = decided.filter(d -> d.device().equals(device) && d.on().equals(applyOn))
                .orElseGet(() -> decide(device, policy, applyOn));
        warranties.retrying(sn, "applying its upgrade", first, () -> decide(device, policy, applyOn), attempt -> {
            Snapshot at = attempt.at();
            if (at.upgraded()) {
                requests.remove(sn);
                return Optional.of(true);
            }
            if (attempt.added().isEmpty()) {
                if (requests.remove(sn)) {
                    LOG.info("pending upgrade of {} dropped on {}: {}", sn, applyOn, at.decision().upgrade().reason());
                }
                return Optional.of(false);
            }
            if (!warranties.append(at, attempt.added())) {
                return Optional.empty();
            }
            requests.remove(sn);
            LOG.info("pending upgrade of {} applied on {} (+{} y)", sn, applyOn, at.decision().upgrade().years());
            return Optional.of(true);
        });
    }

    private List<LedgerEntry> upgradeEntries(Snapshot at) {
        PolicyDecision decision = at.decision();
        return warranties.grant(at, CoverageKind.UPGRADE, decision.upgrade().years() * 12, UPGRADE_SOURCE,
                decision.upgrade().covers(), decision.trace());
    }

    private static UpgradeResult notEligible(PolicyDecision decision, Snapshot shown) {
        return new UpgradeResult(UpgradeStatus.NOT_ELIGIBLE, decision.upgrade().reason(), shown.view());
    }

    /** The day a pending request applies to an online device: the later of the request and online days. */
    private LocalDate applyDay(UpgradeRequest request, Device online) {
        return laterOf(warranties.dayOf(request.requestedAt()), warranties.dayOf(online.onlineSince().orElseThrow()));
    }

    private static LocalDate laterOf(LocalDate a, LocalDate b) {
        return a.isAfter(b) ? a : b;
    }
}
