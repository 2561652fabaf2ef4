package org.warrantykit;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.util.List;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.warrantykit.memory.InMemoryCoverageLedger;
import org.warrantykit.memory.InMemoryUpgradeRequestStore;
import org.warrantykit.spi.CoverageLedger;
import org.warrantykit.spi.DeviceRegistry;
import org.warrantykit.spi.UpgradeRequestStore;
import org.warrantykit.spi.WarrantyRules;

/**
 * The end-user warranty operations. Thread-safe; every call either completes or changes nothing.
 * Build one with {@link #builder()}.
 */
public final class WarrantyService {
    private static final Logger LOG = LoggerFactory.getLogger(WarrantyService.class);

    private volatile WarrantyRules rules;
    private final DeviceWarranties warranties;
    private final Upgrades upgrades;

    private WarrantyService(Builder builder) {
        this.rules = builder.rules;
        this.warranties = new DeviceWarranties(() -> rules, builder.devices, builder.clock, builder.ledger,
                builder.upgrades);
        this.upgrades = new Upgrades(warranties, builder.upgrades);
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
        Device device = warranties.device(SerialNumber.parse(serial));
        return warranties.snapshot(device, rules, warranties.today()).view();
    }

    /**
     * The owner asks for the free upgrade. Applied at once when the device is online and
     * eligible; stored and applied by {@link #deviceOnline} when it is not online yet. Asking
     * again never stacks.
     *
     * @throws AccessDeniedException when the account does not own the device
     */
    public UpgradeResult requestUpgrade(AccountId account, String serial) {
        return upgrades.request(account, serial);
    }

    /**
     * The host reports that a device sent data. Records the first online time and applies a
     * pending upgrade request, if any, on the later of the request day and this day.
     */
    public void deviceOnline(String serial, Instant at) {
        upgrades.deviceOnline(serial, at);
    }

    /** Dashboard: every device the account owns, by serial number, decided in one batch. */
    public List<WarrantyView> devices(AccountId account) {
        Objects.requireNonNull(account, "account");
        List<Device> owned = warranties.registry().ownedBy(account).stream()
                .map(warranties::withObservedOnline).toList();
        return warranties.snapshots(owned, rules, warranties.today()).stream()
                .map(DeviceWarranties.Snapshot::view).toList();
    }

    /** The account's devices whose warranty is still running but ends within {@code within}. */
    public List<WarrantyView> expiringWithin(AccountId account, Period within) {
        Objects.requireNonNull(within, "within");
        if (within.isNegative()) {
            throw new InvalidValueException("within", "must not be negative, was " + within);
        }
        LocalDate horizon = warranties.today().plus(within);
        return devices(account).stream()
                .filter(v -> v.state() != WarrantyState.EXPIRED && !v.end().isAfter(horizon))
                .toList();
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
