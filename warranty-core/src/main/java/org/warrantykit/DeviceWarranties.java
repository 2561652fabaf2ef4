package org.warrantykit;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.function.Supplier;
import org.warrantykit.spi.CoverageLedger;
import org.warrantykit.spi.DeviceRegistry;
import org.warrantykit.spi.LedgerEntry;
import org.warrantykit.spi.OwnershipStore;
import org.warrantykit.spi.PolicyDecision;
import org.warrantykit.spi.PolicyQuery;
import org.warrantykit.spi.Replacement;
import org.warrantykit.spi.ReplacementStore;
import org.warrantykit.spi.UpgradeRequestStore;
import org.warrantykit.spi.WarrantyRules;

/**
 * What every feature of the service shares: finding devices and checking ownership, deriving the
 * warranty view from the ledger plus a policy decision, and appending grants with optimistic
 * retries. Package-private: features (upgrade, codes, purchase, certificates) build on it.
 */
final class DeviceWarranties {
    /** How often a write is retried when another caller appended to the same device first. */
    static final int MAX_ATTEMPTS = 16;
    static final CoverageSource STANDARD_SOURCE = CoverageSource.standard();

    private final Supplier<WarrantyRules> rules;
    private final DeviceRegistry registry;
    private final Clock clock;
    private final CoverageLedger ledger;
    private final UpgradeRequestStore onlineStatus;
    private final OwnershipStore ownership;
    private final ReplacementStore replacements;

    DeviceWarranties(Supplier<WarrantyRules> rules, DeviceRegistry registry, Clock clock, CoverageLedger ledger,
                     UpgradeRequestStore onlineStatus, OwnershipStore ownership, ReplacementStore replacements) {
        this.ownership = ownership;
        this.replacements = replacements;
        this.rules = rules;
        this.registry = registry;
        this.clock = clock;
        this.ledger = ledger;
        this.onlineStatus = onlineStatus;
    }

    /**
     * A device's state at one moment: its ledger, the policy's decision, the swaps it took part in
     * (as recorded by then) and the view they make.
     */
    record Snapshot(Device device, List<LedgerEntry> entries, PolicyDecision decision, Swaps swaps, WarrantyView view) {
        boolean upgraded() {
            return upgradeIn(entries).isPresent();
        }

        /** The last coverage: the ledger's, or the computed standard one while the ledger is empty. */
        Coverage lastCoverage() {
            return view.coverages().get(view.coverages().size() - 1);
        }
    }

    WarrantyRules rules() {
        return rules.get();
    }

    Clock clock() {
        return clock;
    }

    CoverageLedger ledger() {
        return ledger;
    }

    DeviceRegistry registry() {
        return registry;
    }

    ReplacementStore replacements() {
        return replacements;
    }

    /** The swaps a device took part in: the one it came from and the one that took it out of service. */
    record Swaps(Optional<Replacement> replaces, Optional<Replacement> replacedBy) {
        /** The swaps recorded up to the end of {@code day}. */
        Swaps asOf(LocalDate day, Function<Instant, LocalDate> dayOf) {
            return new Swaps(replaces.filter(r -> !dayOf.apply(r.recordedAt()).isAfter(day)),
                    replacedBy.filter(r -> !dayOf.apply(r.recordedAt()).isAfter(day)));
        }
    }

    Swaps swaps(SerialNumber sn) {
        return new Swaps(replacements.replacing(sn), replacements.replacementOf(sn));
    }

    /** The unit that carries the device's warranty now: itself, or the last of its replacements. */
    SerialNumber carrying(SerialNumber sn) {
        SerialNumber current = sn;
        for (Optional<Replacement> swap = replacements.replacementOf(current); swap.isPresent();
             swap = replacements.replacementOf(current)) {
            current = swap.get().replacement();
        }
        return current;
    }

    /**
     * Refuses to act on a device that was replaced: its warranty continues on its replacement, where
     * codes, purchases, upgrades, certificates and transfers belong.
     */
    void requireInService(SerialNumber sn) {
        Optional<Replacement> swap = replacements.replacementOf(sn);
        if (swap.isPresent()) {
            throw new DeviceReplacedException(sn, swap.get().replacement(), swap.get().on());
        }
    }

    LocalDate today() {
        return LocalDate.now(clock);
    }

    LocalDate dayOf(Instant instant) {
        return LocalDate.ofInstant(instant, clock.getZone());
    }

    /** The device with this serial, as the registry knows it plus online observations. */
    Device device(SerialNumber sn) {
        return withTransfers(withObservedOnline(registry.find(sn).orElseThrow(() -> new UnknownDeviceException(sn))));
    }

    /**
     * The device with the owner it was transferred to through the service (house sale), if any; a
     * replacement never transferred itself belongs to whoever owns the unit it replaced.
     */
    Device withTransfers(Device device) {
        Optional<AccountId> transferred = ownership.owner(device.serial());
        if (transferred.isPresent()) {
            return device.withOwner(transferred.get());
        }
        Optional<Replacement> swap = replacements.replacing(device.serial());
        if (swap.isPresent()) {
            Optional<AccountId> faultyOwner = registry.find(swap.get().faulty())
                    .map(this::withTransfers).flatMap(Device::owner);
            if (faultyOwner.isPresent()) {
                return device.withOwner(faultyOwner.get());
            }
        }
        return device;
    }

    /**
     * The account's devices by serial number: the registry's, less those transferred away, plus those
     * transferred to it; with online observations.
     */
    List<Device> ownedBy(AccountId account) {
        TreeMap<SerialNumber, Device> owned = new TreeMap<>();
        for (Device registered : registry.ownedBy(account)) {
            Device current = withTransfers(registered);
            if (current.isOwnedBy(account)) {
                owned.put(current.serial(), withObservedOnline(current));
            }
        }
        for (SerialNumber sn : ownership.transferredTo(account)) {
            Device device = device(sn);
            if (device.isOwnedBy(account)) {
                owned.putIfAbsent(sn, device);
            }
        }
        // the units that replaced the account's devices, down each chain (A replaced by B, B by C)
        for (Device device : List.copyOf(owned.values())) {
            Optional<Replacement> swap = replacements.replacementOf(device.serial());
            while (swap.isPresent()) {
                Device replacement = device(swap.get().replacement());
                if (replacement.isOwnedBy(account)) {
                    owned.putIfAbsent(replacement.serial(), replacement);
                }
                swap = replacements.replacementOf(replacement.serial());
            }
        }
        return List.copyOf(owned.values());
    }

    /** Parses the serial, finds the device and checks that the account owns it. */
    Device ownedDevice(AccountId account, String serial) {
        InvalidValueException.require("account", account);
        Device device = device(SerialNumber.parse(serial));
        if (!device.isOwnedBy(account)) {
            // the same words whether another account or none owns it: a caller learns nothing about other accounts
            throw new AccessDeniedException(account, "device " + device.serial(), "it is not registered to this account");
        }
        requireInService(device.serial());
        return device;
    }

    /** The registry's device, with the online time the service observed when the registry has none or a later one. */
    Device withObservedOnline(Device device) {
        Optional<Instant> observed = onlineStatus.onlineSince(device.serial());
        if (observed.isEmpty()) {
            return device;
        }
        Optional<Instant> registered = device.onlineSince();
        if (registered.isPresent() && !registered.get().isAfter(observed.get())) {
            return device;
        }
        return device.withOnlineSince(observed.get());
    }

    Snapshot snapshot(Device device, WarrantyRules policy, LocalDate on) {
        List<LedgerEntry> entries = entries(device);
        PolicyDecision decision = policy.decide(query(device, entries, on));
        Swaps swaps = swaps(device.serial());
        return new Snapshot(device, entries, decision, swaps, view(device, entries, decision, swaps, on));
    }

    /**
     * The device's warranty as it stood at the end of {@code day} (service clock zone): the ledger
     * entries recorded by then, decided and shown for that day.
     */
    Snapshot snapshotAsOf(Device device, WarrantyRules policy, LocalDate day) {
        List<LedgerEntry> entries = entries(device).stream()
                .takeWhile(e -> !dayOf(e.recordedAt()).isAfter(day)).toList();
        PolicyDecision decision = policy.decide(query(device, entries, day));
        Swaps swaps = swaps(device.serial()).asOf(day, this::dayOf);
        return new Snapshot(device, entries, decision, swaps, view(device, entries, decision, swaps, day));
    }

    /** Snapshots of many devices with one batched policy call. */
    List<Snapshot> snapshots(List<Device> devices, WarrantyRules policy, LocalDate on) {
        List<PolicyQuery> queries = new ArrayList<>(devices.size());
        List<List<LedgerEntry>> entries = new ArrayList<>(devices.size());
        for (Device device : devices) {
            List<LedgerEntry> deviceEntries = entries(device);
            entries.add(deviceEntries);
            queries.add(query(device, deviceEntries, on));
        }
        List<PolicyDecision> decisions = policy.decideAll(queries);
        List<Snapshot> snapshots = new ArrayList<>(devices.size());
        for (int i = 0; i < devices.size(); i++) {
            Device device = devices.get(i);
            Swaps swaps = swaps(device.serial());
            snapshots.add(new Snapshot(device, entries.get(i), decisions.get(i), swaps,
                    view(device, entries.get(i), decisions.get(i), swaps, on)));
        }
        return snapshots;
    }

    /**
     * The device's ledger, lines granted before scopes were recorded read as the default policy
     * granted them for their kind and the device's region ({@link Covered#grantedBeforeScopes}).
     */
    List<LedgerEntry> entries(Device device) {
        List<LedgerEntry> entries = ledger.entries(device.serial());
        if (entries.stream().allMatch(LedgerEntry::scopeRecorded)) {
            return entries;
        }
        return entries.stream().map(e -> e.scopeRecorded() ? e : new LedgerEntry(e.coverage().withCovers(
                Covered.grantedBeforeScopes(e.coverage().kind(), device.region())), e.trace(), e.recordedAt(), false))
                .toList();
    }

    /**
     * The entries that grant {@code months} of {@code kind} after the snapshot's last coverage. The
     * first grant also freezes the standard term into the ledger, so a later rule change never moves
     * dates a customer was already given.
     */
    List<LedgerEntry> grant(Snapshot snapshot, CoverageKind kind, int months, CoverageSource source,
                            Set<Covered> covers, DecisionTrace trace) {
        Instant now = clock.instant();
        List<LedgerEntry> added = new ArrayList<>(2);
        if (snapshot.entries().isEmpty()) {
            added.add(new LedgerEntry(snapshot.view().coverages().get(0), snapshot.decision().trace(), now));
        }
        added.add(new LedgerEntry(snapshot.lastCoverage().followedByMonths(kind, months, source, covers), trace, now));
        return added;
    }

    /** Appends if nobody else appended to the device since the snapshot was taken. */
    boolean append(Snapshot snapshot, List<LedgerEntry> added) {
        return ledger.append(snapshot.device().serial(), snapshot.entries().size(), added);
    }

    /**
     * The snapshot the device will have once {@code added} is appended to {@code before}'s ledger,
     * decided for {@code on}: lets a write decide what it shows afterwards before it writes, so a
     * policy failing then leaves nothing behind (in memory nothing could undo the append).
     */
    Snapshot afterAppending(Snapshot before, List<LedgerEntry> added, WarrantyRules policy, LocalDate on) {
        List<LedgerEntry> entries = new ArrayList<>(before.entries());
        entries.addAll(added);
        PolicyDecision decision = policy.decide(query(before.device(), entries, on));
        return new Snapshot(before.device(), List.copyOf(entries), decision, before.swaps(),
                view(before.device(), entries, decision, before.swaps(), on));
    }

    /**
     * Runs {@code attempt} until it returns a result; an empty result means it lost a race (another
     * caller appended first) and must re-read. Gives up with {@link ConcurrentUpdateException}.
     */
    <T> T retrying(SerialNumber sn, String what, Supplier<Optional<T>> attempt) {
        for (int i = 0; i < MAX_ATTEMPTS; i++) {
            Optional<T> result = attempt.get();
            if (result.isPresent()) {
                return result.get();
            }
        }
        throw new ConcurrentUpdateException("device " + sn + " kept changing while " + what + "; try again");
    }

    /**
     * As {@link #retrying(SerialNumber, String, Supplier)}, for a write decided before anything is
     * written: the first attempt writes {@code prepared}; only after a lost race is the write decided
     * again, by {@code decideAgain}, on what the winner left.
     */
    <P, T> T retrying(SerialNumber sn, String what, P prepared, Supplier<P> decideAgain,
                      Function<P, Optional<T>> write) {
        for (int i = 0; i < MAX_ATTEMPTS; i++) {
            Optional<T> result = write.apply(i == 0 ? prepared : decideAgain.get());
            if (result.isPresent()) {
                return result.get();
            }
        }
        throw new ConcurrentUpdateException("device " + sn + " kept changing while " + what + "; try again");
    }

    PolicyQuery query(Device device, List<LedgerEntry> entries, LocalDate on) {
        boolean upgraded = upgradeIn(entries).isPresent();
        Optional<LocalDate> currentEnd = entries.isEmpty() ? Optional.empty()
                : Optional.of(entries.get(entries.size() - 1).coverage().end());
        return new PolicyQuery(device, on, upgraded, currentEnd, clock.getZone());
    }

    static Optional<Coverage> upgradeIn(List<LedgerEntry> entries) {
        return entries.stream().map(LedgerEntry::coverage).filter(c -> c.kind() == CoverageKind.UPGRADE).findFirst();
    }

    static WarrantyView view(Device device, List<LedgerEntry> entries, PolicyDecision decision, Swaps swaps,
                             LocalDate today) {
        List<Coverage> coverages = entries.isEmpty()
                ? List.of(new Coverage(CoverageKind.STANDARD, decision.standard().start(), decision.standard().end(),
                        STANDARD_SOURCE, decision.standard().covers()))
                : entries.stream().map(LedgerEntry::coverage).toList();
        Optional<String> replaces = swaps.replaces().map(r -> r.faulty().value());
        Optional<String> replacedBy = swaps.replacedBy().map(r -> r.replacement().value());
        if (swaps.replacedBy().isPresent()) {
            // the warranty moved to the replacement: this unit's ends the day before the swap
            List<Coverage> before = endingBefore(coverages, swaps.replacedBy().get().on());
            return new WarrantyView(device.serial(), device.model(), WarrantyState.REPLACED, before, Set.of(),
                    decision.trace(), replaces, replacedBy);
        }
        // A replacement may carry only (part of) a standard term: what counts is a grant beyond it.
        boolean granted = coverages.stream().anyMatch(c -> c.kind() != CoverageKind.STANDARD);
        boolean expired = coverages.get(coverages.size() - 1).end().isBefore(today);
        WarrantyState state;
        if (expired) {
            state = WarrantyState.EXPIRED;
        } else if (coverages.stream().anyMatch(c -> c.kind() == CoverageKind.EXTENSION || c.kind() == CoverageKind.PROMOTION)) {
            state = WarrantyState.EXTENDED;
        } else if (granted) {
            state = WarrantyState.UPGRADED;
        } else {
            state = WarrantyState.STANDARD;
        }
        Set<Action> actions = EnumSet.noneOf(Action.class);
        if (granted) {
            actions.add(Action.DOWNLOAD_CERTIFICATE);
            if (!expired) {
                actions.add(Action.EDIT);
            }
        }
        // Whether an extension is for sale (after the upgrade only, or from the start) is the policy's
        // to say: the action follows its offers.
        if (!decision.offers().isEmpty()) {
            actions.add(Action.BUY_EXTENSION);
        }
        return new WarrantyView(device.serial(), device.model(), state, coverages, actions, decision.trace(),
                replaces, replacedBy);
    }

    /** The lines that cover days before {@code day}, the last one cut to end the day before. */
    static List<Coverage> endingBefore(List<Coverage> lines, LocalDate day) {
        LocalDate last = day.minusDays(1);
        List<Coverage> kept = new ArrayList<>(lines.size());
        for (Coverage line : lines) {
            if (line.start().isAfter(last)) {
                break;
            }
            kept.add(line.end().isAfter(last)
                    ? new Coverage(line.kind(), line.start(), last, line.source(), line.covers()) : line);
        }
        return kept;
    }
}
