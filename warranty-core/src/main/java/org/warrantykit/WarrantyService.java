package org.warrantykit;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.warrantykit.memory.InMemoryCoverageLedger;
import org.warrantykit.memory.InMemoryUpgradeRequestStore;
import org.warrantykit.spi.CoverageLedger;
import org.warrantykit.spi.DeviceRegistry;
import org.warrantykit.spi.LedgerEntry;
import org.warrantykit.spi.PolicyDecision;
import org.warrantykit.spi.PolicyQuery;
import org.warrantykit.spi.UpgradeRequest;
import org.warrantykit.spi.UpgradeRequestStore;
import org.warrantykit.spi.WarrantyRules;

/**
 * The end-user warranty operations. Thread-safe; every call either completes or changes nothing.
 * Build one with {@link #builder()}.
 */
public final class WarrantyService {
    private static final Logger LOG = LoggerFactory.getLogger(WarrantyService.class);
    /** How often a write is retried when another caller appended to the same device first. */
    private static final int MAX_ATTEMPTS = 16;
    static final String STANDARD_SOURCE = "standard warranty";
    static final String UPGRADE_SOURCE = "online upgrade";

    private volatile WarrantyRules rules;
    private final DeviceRegistry registry;
    private final Clock clock;
    private final CoverageLedger ledger;
    private final UpgradeRequestStore upgrades;

    private WarrantyService(Builder builder) {
        this.rules = builder.rules;
        this.registry = builder.devices;
        this.clock = builder.clock;
        this.ledger = builder.ledger;
        this.upgrades = builder.upgrades;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The rule set serving decisions now. */
    public WarrantyRules rules() {
        return rules;
    }

    /**
     * Replaces the rule set for all later decisions; decisions already running finish on the
     * old one. Every decision reads the rule set once, so no decision mixes two of them.
     */
    public void replaceRules(WarrantyRules next) {
        WarrantyRules previous = rules;
        rules = Objects.requireNonNull(next, "rules");
        LOG.info("rule set {} replaced by {}", previous.version(), next.version());
    }

    /** Public inquiry by serial number: the warranty as it stands today. */
    public WarrantyView inquire(String serial) {
        Device device = device(SerialNumber.parse(serial));
        return decideView(device, rules, today()).view();
    }

    /**
     * The owner asks for the free upgrade. Applied at once when the device is online and
     * eligible; stored and applied by {@link #deviceOnline} when it is not online yet.
     */
    public UpgradeResult requestUpgrade(AccountId account, String serial) {
        Objects.requireNonNull(account, "account");
        SerialNumber sn = SerialNumber.parse(serial);
        Device registered = device(sn);
        requireOwner(account, registered);
        WarrantyRules policy = rules;
        for (int attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
            Device device = withObservedOnline(registered);
            LocalDate today = today();
            List<LedgerEntry> entries = ledger.entries(sn);
            DecidedView current = decideView(device, entries, policy, today);
            Optional<Coverage> upgrade = upgradeIn(entries);
            if (upgrade.isPresent()) {
                return new UpgradeResult(UpgradeStatus.UPGRADED, "Already upgraded from "
                        + upgrade.get().start() + " to " + upgrade.get().end() + "; upgrades do not stack.",
                        current.view());
            }
            if (!current.decision().upgrade().eligible()) {
                return new UpgradeResult(UpgradeStatus.NOT_ELIGIBLE, current.decision().upgrade().reason(),
                        current.view());
            }
            if (device.onlineSince().isEmpty()) {
                upgrades.addIfAbsent(new UpgradeRequest(sn, account, clock.instant()));
                // The device may have come online between our read and the store: apply it now then.
                if (upgrades.onlineSince(sn).isPresent()) {
                    applyPending(registered, policy);
                    return resultAfterUpgrade(registered, policy);
                }
                return new UpgradeResult(UpgradeStatus.PENDING_ONLINE, "The upgrade will be applied "
                        + "automatically as soon as the device is online (sends data).", current.view());
            }
            LocalDate applyOn = laterOf(today, dayOf(device.onlineSince().get()));
            PolicyDecision decision = applyOn.equals(today) ? current.decision()
                    : policy.decide(query(device, entries, applyOn));
            if (!decision.upgrade().eligible()) {
                return new UpgradeResult(UpgradeStatus.NOT_ELIGIBLE, decision.upgrade().reason(), current.view());
            }
            if (appendUpgrade(sn, entries, decision)) {
                LOG.info("device {} upgraded by {} (+{} y) under rule set {}", sn, account,
                        decision.upgrade().years(), decision.trace().ruleSetVersion());
                WarrantyView after = decideView(device, policy, today).view();
                return new UpgradeResult(UpgradeStatus.UPGRADED, decision.upgrade().reason(),
                        withTrace(after, decision.trace()));
            }
        }
        throw new ConcurrentUpdateException("device " + sn + " kept changing while upgrading; try again");
    }

    /**
     * The host reports that a device sent data. Records the first online time and applies a
     * pending upgrade request, if any, on the later of the request day and this day.
     */
    public void deviceOnline(String serial, Instant at) {
        Objects.requireNonNull(at, "at");
        SerialNumber sn = SerialNumber.parse(serial);
        Device registered = device(sn);
        upgrades.recordOnline(sn, at);
        applyPending(registered, rules);
    }

    /** Dashboard: every device the account owns, by serial number. */
    public List<WarrantyView> devices(AccountId account) {
        Objects.requireNonNull(account, "account");
        List<Device> owned = registry.ownedBy(account);
        LocalDate today = today();
        WarrantyRules policy = rules;
        List<PolicyQuery> queries = new ArrayList<>(owned.size());
        List<List<LedgerEntry>> entries = new ArrayList<>(owned.size());
        for (Device registered : owned) {
            Device device = withObservedOnline(registered);
            List<LedgerEntry> deviceEntries = ledger.entries(device.serial());
            entries.add(deviceEntries);
            queries.add(query(device, deviceEntries, today));
        }
        List<PolicyDecision> decisions = policy.decideAll(queries);
        List<WarrantyView> views = new ArrayList<>(owned.size());
        for (int i = 0; i < owned.size(); i++) {
            views.add(view(owned.get(i), entries.get(i), decisions.get(i), today));
        }
        return List.copyOf(views);
    }

    /** The account's devices whose warranty is still running but ends within {@code within}. */
    public List<WarrantyView> expiringWithin(AccountId account, Period within) {
        Objects.requireNonNull(within, "within");
        if (within.isNegative()) {
            throw new InvalidValueException("within", "must not be negative, was " + within);
        }
        LocalDate horizon = today().plus(within);
        return devices(account).stream()
                .filter(v -> v.state() != WarrantyState.EXPIRED && !v.end().isAfter(horizon))
                .toList();
    }

    // --- internals -------------------------------------------------------------------------

    private void applyPending(Device registered, WarrantyRules policy) {
        SerialNumber sn = registered.serial();
        Optional<UpgradeRequest> request = upgrades.pending(sn);
        Optional<Instant> online = upgrades.onlineSince(sn);
        if (request.isEmpty() || online.isEmpty()) {
            return;
        }
        Device device = withObservedOnline(registered);
        LocalDate applyOn = laterOf(dayOf(request.get().requestedAt()), dayOf(device.onlineSince().orElseThrow()));
        for (int attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
            List<LedgerEntry> entries = ledger.entries(sn);
            if (upgradeIn(entries).isPresent()) {
                upgrades.remove(sn);
                return;
            }
            PolicyDecision decision = policy.decide(query(device, entries, applyOn));
            if (!decision.upgrade().eligible()) {
                if (upgrades.remove(sn)) {
                    LOG.info("pending upgrade of {} dropped on {}: {}", sn, applyOn, decision.upgrade().reason());
                }
                return;
            }
            if (appendUpgrade(sn, entries, decision)) {
                upgrades.remove(sn);
                LOG.info("pending upgrade of {} applied on {} (+{} y)", sn, applyOn, decision.upgrade().years());
                return;
            }
        }
        throw new ConcurrentUpdateException("device " + sn + " kept changing while applying its upgrade; try again");
    }

    private UpgradeResult resultAfterUpgrade(Device registered, WarrantyRules policy) {
        DecidedView after = decideView(withObservedOnline(registered), policy, today());
        return upgradeIn(ledger.entries(registered.serial()))
                .map(c -> new UpgradeResult(UpgradeStatus.UPGRADED, "Upgraded until " + c.end() + ".", after.view()))
                .orElseGet(() -> new UpgradeResult(UpgradeStatus.NOT_ELIGIBLE,
                        after.decision().upgrade().reason(), after.view()));
    }

    private boolean appendUpgrade(SerialNumber sn, List<LedgerEntry> entries, PolicyDecision decision) {
        Instant now = clock.instant();
        List<LedgerEntry> added = new ArrayList<>(2);
        Coverage last;
        if (entries.isEmpty()) {
            // The standard term is frozen into the ledger with the first grant: later rule
            // changes must not move dates a customer was already given.
            last = standardCoverage(decision);
            added.add(new LedgerEntry(last, decision.trace(), now));
        } else {
            last = entries.get(entries.size() - 1).coverage();
        }
        Coverage upgrade = last.followedBy(CoverageKind.UPGRADE, decision.upgrade().years(), UPGRADE_SOURCE);
        added.add(new LedgerEntry(upgrade, decision.trace(), now));
        return ledger.append(sn, entries.size(), added);
    }

    private DecidedView decideView(Device device, WarrantyRules policy, LocalDate today) {
        Device effective = withObservedOnline(device);
        return decideView(effective, ledger.entries(device.serial()), policy, today);
    }

    private DecidedView decideView(Device device, List<LedgerEntry> entries, WarrantyRules policy, LocalDate today) {
        PolicyDecision decision = policy.decide(query(device, entries, today));
        return new DecidedView(decision, view(device, entries, decision, today));
    }

    private static WarrantyView view(Device device, List<LedgerEntry> entries, PolicyDecision decision, LocalDate today) {
        List<Coverage> coverages = entries.isEmpty()
                ? List.of(standardCoverage(decision))
                : entries.stream().map(LedgerEntry::coverage).toList();
        boolean granted = coverages.size() > 1;
        LocalDate end = coverages.get(coverages.size() - 1).end();
        boolean expired = end.isBefore(today);
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
            if (!decision.offers().isEmpty()) {
                actions.add(Action.BUY_EXTENSION);
            }
        }
        return new WarrantyView(device.serial(), device.model(), state, coverages, actions, decision.trace());
    }

    private static WarrantyView withTrace(WarrantyView view, DecisionTrace trace) {
        return new WarrantyView(view.serial(), view.model(), view.state(), view.coverages(), view.actions(), trace);
    }

    private static Coverage standardCoverage(PolicyDecision decision) {
        return new Coverage(CoverageKind.STANDARD, decision.standard().start(), decision.standard().end(),
                STANDARD_SOURCE);
    }

    private static PolicyQuery query(Device device, List<LedgerEntry> entries, LocalDate on) {
        boolean upgraded = upgradeIn(entries).isPresent();
        Optional<LocalDate> currentEnd = entries.isEmpty() ? Optional.empty()
                : Optional.of(entries.get(entries.size() - 1).coverage().end());
        return new PolicyQuery(device, on, upgraded, currentEnd);
    }

    private static Optional<Coverage> upgradeIn(List<LedgerEntry> entries) {
        return entries.stream().map(LedgerEntry::coverage).filter(c -> c.kind() == CoverageKind.UPGRADE).findFirst();
    }

    /** The registry's device, with the online time the service observed when the registry has none or a later one. */
    private Device withObservedOnline(Device device) {
        Optional<Instant> observed = upgrades.onlineSince(device.serial());
        if (observed.isEmpty()) {
            return device;
        }
        Optional<Instant> registered = device.onlineSince();
        if (registered.isPresent() && !registered.get().isAfter(observed.get())) {
            return device;
        }
        return device.withOnlineSince(observed.get());
    }

    private Device device(SerialNumber sn) {
        return registry.find(sn).orElseThrow(() -> new UnknownDeviceException(sn));
    }

    private static void requireOwner(AccountId account, Device device) {
        if (!device.isOwnedBy(account)) {
            throw new AccessDeniedException(account, "device " + device.serial(),
                    device.owner().isPresent() ? "it is registered to another account"
                            : "it is not registered to any account yet");
        }
    }

    private LocalDate today() {
        return LocalDate.now(clock);
    }

    private LocalDate dayOf(Instant instant) {
        return LocalDate.ofInstant(instant, clock.getZone());
    }

    private static LocalDate laterOf(LocalDate a, LocalDate b) {
        return a.isAfter(b) ? a : b;
    }

    private record DecidedView(PolicyDecision decision, WarrantyView view) {
    }

    /** Assembles a service; rules and devices are required, everything else has a default. */
    public static final class Builder {
        private WarrantyRules rules;
        private DeviceRegistry devices;
        private Clock clock = Clock.systemUTC();
        private CoverageLedger ledger = new InMemoryCoverageLedger();
        private UpgradeRequestStore upgrades = new InMemoryUpgradeRequestStore();

        private Builder() {
        }

        public Builder rules(WarrantyRules rules) {
            this.rules = Objects.requireNonNull(rules, "rules");
            return this;
        }

        public Builder devices(DeviceRegistry devices) {
            this.devices = Objects.requireNonNull(devices, "devices");
            return this;
        }

        /** The clock every date and deadline is measured on; default system UTC. */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        public Builder ledger(CoverageLedger ledger) {
            this.ledger = Objects.requireNonNull(ledger, "ledger");
            return this;
        }

        public Builder upgradeRequests(UpgradeRequestStore upgrades) {
            this.upgrades = Objects.requireNonNull(upgrades, "upgradeRequests");
            return this;
        }

        public WarrantyService build() {
            if (rules == null) {
                throw new ConfigurationException("WarrantyService needs rules(...): e.g. DroolsWarrantyRules.defaults()");
            }
            if (devices == null) {
                throw new ConfigurationException("WarrantyService needs devices(...): e.g. InMemoryDeviceRegistry.fromCsv(path)");
            }
            return new WarrantyService(this);
        }
    }
}
