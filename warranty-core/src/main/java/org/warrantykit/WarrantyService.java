package org.warrantykit;

import java.time.Clock;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.warrantykit.spi.CertificateStore;
import org.warrantykit.spi.CodeAttemptLog;
import org.warrantykit.spi.CodeVault;
import org.warrantykit.spi.CoverageLedger;
import org.warrantykit.spi.DeviceRegistry;
import org.warrantykit.spi.OrderStore;
import org.warrantykit.spi.OwnershipStore;
import org.warrantykit.spi.Transactions;
import org.warrantykit.spi.UpgradeRequestStore;
import org.warrantykit.spi.WarrantyRules;

/**
 * The end-user warranty operations. Thread-safe. A call refused with a {@link WarrantyException}
 * changes nothing; with transactional stores (warranty-jdbc) every operation is one transaction.
 * Build one with {@link #builder()}.
 */
public final class WarrantyService {
    private static final Logger LOG = LoggerFactory.getLogger(WarrantyService.class);
    /** Decisions cached by default (see {@link Builder#decisionCache}). */
    public static final int DEFAULT_DECISION_CACHE = 10_000;

    /** The rule set serving decisions: the given one, behind the decision cache when that is on. */
    private volatile WarrantyRules rules;
    /** The rule set as given to the builder or {@link #replaceRules}, without the cache. */
    private volatile WarrantyRules givenRules;
    private final int decisionCache;
    private final BulkViews bulk;
    private final DeviceWarranties warranties;
    private final Upgrades upgrades;
    private final Redemptions redemptions;
    private final CodeIssuer codeIssuer;
    private final Purchases purchases;
    private final Certificates certificates;
    private final Transfers transfers;

    private WarrantyService(Builder builder) {
        this.decisionCache = builder.decisionCache;
        this.givenRules = builder.rules;
        this.rules = cached(builder.rules);
        this.warranties = new DeviceWarranties(() -> rules, builder.devices, builder.clock, builder.ledger,
                builder.upgrades, builder.ownership);
        this.transfers = new Transfers(warranties, builder.ownership, builder.transactions);
        this.bulk = new BulkViews(warranties);
        this.upgrades = new Upgrades(warranties, builder.upgrades, builder.transactions);
        CodeHasher codeHasher = builder.codePepper != null ? new CodeHasher(builder.codePepper)
                : CodeHasher.defaultFor(builder.codeVault);
        this.redemptions = new Redemptions(warranties, builder.codeVault, codeHasher,
                new AttemptLimiter(builder.codeMaxFailures, builder.codeLockoutWindow, builder.clock,
                        builder.codeAttemptLog), builder.transactions);
        this.codeIssuer = new CodeIssuer(builder.codeVault, codeHasher, builder.clock);
        this.purchases = new Purchases(warranties, builder.orders, builder.paymentWindow, builder.transactions);
        this.certificates = new Certificates(warranties, builder.upgrades, builder.certificateStore,
                builder.certificateSigner);
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The rule set serving decisions now, as it was given (without the service's decision cache). */
    public WarrantyRules rules() {
        return givenRules;
    }

    /**
     * Replaces the rule set for all later decisions; decisions already running finish on the
     * old one. Every decision reads the rule set once, so no decision mixes two of them. The new
     * set gets a new, empty decision cache, so no decision of the old set is served after the swap.
     */
    public void replaceRules(WarrantyRules next) {
        WarrantyRules previous = rules;
        InvalidValueException.require("rules", next);
        givenRules = next;
        rules = cached(next);
        LOG.info("rule set {} replaced by {}", previous.version(), next.version());
    }

    private WarrantyRules cached(WarrantyRules given) {
        return decisionCache > 0 ? CachingWarrantyRules.wrap(given, decisionCache) : given;
    }

    /** Public inquiry by serial number: the warranty as it stands today. */
    public WarrantyView inquire(String serial) {
        Device device = warranties.device(SerialNumber.parse(serial));
        return warranties.snapshot(device, rules, warranties.today()).view();
    }

    /** As {@link #inquire(String)}, for a parsed serial number. */
    public WarrantyView inquire(SerialNumber serial) {
        return inquire(InvalidValueException.require("serial", serial).value());
    }

    /**
     * {@link #inquire} for many serial numbers, in order: decided lazily in batches of 1,000 per
     * rule-set call (one engine session each), through the decision cache. Fails like
     * {@code inquire} at the first malformed or unknown serial number; close the stream to close
     * {@code serials}.
     */
    public Stream<WarrantyView> inquireAll(Stream<String> serials) {
        return bulk.inquireAll(InvalidValueException.require("serials", serials), rules);
    }

    /**
     * Recomputes the warranty of every device in the registry, as of today, and hands each view
     * to {@code sink} on the calling thread, in registry order. Devices are streamed from
     * {@link DeviceRegistry#all()} in batches of 1,000 per rule-set call, decided on up to
     * {@code parallelism} worker threads, so only a few batches are held at once; the decision
     * cache is bypassed (a full sweep would only evict the hot entries). Returns the device count.
     */
    public long recomputeAll(Consumer<? super WarrantyView> sink, int parallelism) {
        InvalidValueException.require("sink", sink);
        if (parallelism < 1) {
            throw new InvalidValueException("parallelism", "must be at least 1, was " + parallelism);
        }
        return bulk.recomputeAll(givenRules, sink, parallelism);
    }

    /** {@link #recomputeAll(Consumer, int)} on one worker per available processor. */
    public long recomputeAll(Consumer<? super WarrantyView> sink) {
        return recomputeAll(sink, Runtime.getRuntime().availableProcessors());
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

    /** As {@link #requestUpgrade(AccountId, String)}, for a parsed serial number. */
    public UpgradeResult requestUpgrade(AccountId account, SerialNumber serial) {
        return requestUpgrade(account, InvalidValueException.require("serial", serial).value());
    }

    /**
     * The host reports that a device sent data. Records the first online time and applies a
     * pending upgrade request, if any, on the later of the request day and this day.
     */
    public void deviceOnline(String serial, Instant at) {
        upgrades.deviceOnline(serial, at);
    }

    /** As {@link #deviceOnline(String, Instant)}, for a parsed serial number. */
    public void deviceOnline(SerialNumber serial, Instant at) {
        deviceOnline(InvalidValueException.require("serial", serial).value(), at);
    }

    /**
     * "Edit": the owner enters an extended-warranty code ({@code XXXX-XXXX-XXXX-XXXX}, from an
     * offline sale) or a promotion code (e.g. {@code SUMMER25}, any case). An extension code adds an
     * EXTENSION of its batch's years, a promotion its PROMOTION months (and, if the campaign says
     * so, the free upgrade the device missed), each starting the day after the current end. The
     * view's trace names the rules that accepted the code.
     *
     * <p>Each extension code is used once, each promotion once per device and never beyond its
     * limit, also under concurrency. Refused attempts count per account: after
     * {@link Builder#codeLockout 5 within 15 minutes} (default) further attempts are LOCKED_OUT
     * until the window has passed.
     *
     * @throws AccessDeniedException  when the account does not own the device
     * @throws CodeRejectedException  with {@link CodeRejectedException#reason()} MALFORMED, UNKNOWN,
     *                                ALREADY_USED, EXPIRED, NOT_APPLICABLE (naming the refusing rule) or
     *                                LOCKED_OUT; nothing was granted or used up
     */
    public WarrantyView redeem(AccountId account, String serial, String code) {
        return redemptions.redeem(account, serial, code);
    }

    /** As {@link #redeem(AccountId, String, String)}, for a parsed serial number. */
    public WarrantyView redeem(AccountId account, SerialNumber serial, String code) {
        return redeem(account, InvalidValueException.require("serial", serial).value(), code);
    }

    /** Back office: issues extension-code batches and registers promotion campaigns. */
    public CodeIssuer codeIssuer() {
        return codeIssuer;
    }

    /** Dashboard: every device the account owns, by serial number, decided in one batch. */
    public List<WarrantyView> devices(AccountId account) {
        InvalidValueException.require("account", account);
        List<Device> owned = warranties.ownedBy(account);
        return warranties.snapshots(owned, rules, warranties.today()).stream()
                .map(DeviceWarranties.Snapshot::view).toList();
    }

    /**
     * Inquiry as of a day: the coverages recorded up to the end of {@code date} (in the service
     * clock's zone), with the state, actions and policy decision of that day. Before the first grant
     * was recorded this is the computed standard warranty, as {@link #inquire} showed it then.
     */
    public WarrantyView inquireAsOf(String serial, LocalDate date) {
        InvalidValueException.require("date", date);
        Device device = warranties.device(SerialNumber.parse(serial));
        return warranties.snapshotAsOf(device, rules, date).view();
    }

    /** As {@link #inquireAsOf(String, LocalDate)}, for a parsed serial number. */
    public WarrantyView inquireAsOf(SerialNumber serial, LocalDate date) {
        return inquireAsOf(InvalidValueException.require("serial", serial).value(), date);
    }

    /**
     * The warranty follows the device (house sale): moves the device from its current owner
     * {@code from} to {@code to}, coverage intact; {@code to} then sees it in {@link #devices} and may
     * act on it, {@code from} no longer. Recorded in the {@link Builder#ownership ownership store},
     * as the device registry is read-only. Transferring to the current owner changes nothing.
     *
     * @throws AccessDeniedException when {@code from} is not the device's current owner
     */
    public WarrantyView transferOwnership(String serial, AccountId from, AccountId to) {
        return transfers.transfer(serial, from, to);
    }

    /** As {@link #transferOwnership(String, AccountId, AccountId)}, for a parsed serial number. */
    public WarrantyView transferOwnership(SerialNumber serial, AccountId from, AccountId to) {
        return transferOwnership(InvalidValueException.require("serial", serial).value(), from, to);
    }

    /** The account's devices whose warranty is still running but ends within {@code within}. */
    public List<WarrantyView> expiringWithin(AccountId account, Period within) {
        InvalidValueException.require("within", within);
        if (within.isNegative()) {
            throw new InvalidValueException("within", "must not be negative, was " + within);
        }
        LocalDate horizon;
        try {
            horizon = warranties.today().plus(within);
        } catch (DateTimeException | ArithmeticException e) {
            throw new InvalidValueException("within", within + " reaches past the last representable date");
        }
        return devices(account).stream()
                .filter(v -> v.state() != WarrantyState.EXPIRED && !v.end().isAfter(horizon))
                .toList();
    }

    /**
     * The extensions the owner can buy for the device now, by ascending term; empty (not an error)
     * when there are none, and then the device's {@code actions()} lack BUY_EXTENSION.
     *
     * @throws AccessDeniedException when the account does not own the device
     */
    public List<ExtensionOffer> offers(AccountId account, String serial) {
        return purchases.offers(account, serial);
    }

    /** As {@link #offers(AccountId, String)}, for a parsed serial number. */
    public List<ExtensionOffer> offers(AccountId account, SerialNumber serial) {
        return offers(account, InvalidValueException.require("serial", serial).value());
    }

    /**
     * Orders one extension for one device; see {@link #purchase(AccountId, List, String)}.
     *
     * @param offerId an id from {@link #offers}, e.g. {@code "EXT-60M"}
     */
    public Order purchase(AccountId account, String serial, String offerId, String idempotencyKey) {
        return purchase(account, List.of(OfferSelection.of(serial, offerId)), idempotencyKey);
    }

    /** As {@link #purchase(AccountId, String, String, String)}, for a parsed serial number. */
    public Order purchase(AccountId account, SerialNumber serial, String offerId, String idempotencyKey) {
        return purchase(account, InvalidValueException.require("serial", serial).value(), offerId, idempotencyKey);
    }

    /**
     * Places an order for extensions of one or more of the account's devices, in one currency,
     * with each price locked now and a payment window from now. The idempotency key is scoped to the
     * account: the same key returns the order it placed first (whatever its state now), never a
     * second one, also under concurrency; reusing it for a different request is refused.
     *
     * @throws AccessDeniedException     when a device is not the account's
     * @throws OfferUnavailableException when a device has no such offer now (the message says why)
     * @throws InvalidOrderException     no devices, a device twice, mixed currencies, key reused
     */
    public Order purchase(AccountId account, List<OfferSelection> selections, String idempotencyKey) {
        return purchases.purchase(account, selections, idempotencyKey);
    }

    /**
     * The host confirms that the order was paid (after its payment provider said so): the order
     * becomes PAID and each line's EXTENSION is appended, starting the day after the device's end at
     * that moment. Exactly once: confirming again with the same reference returns the paid order
     * and applies nothing twice; if a confirmation failed after recording the payment, confirming
     * again completes it.
     *
     * @throws UnknownOrderException when no order has this id
     * @throws OrderStateException   when the order is cancelled, expired, past its payment window or
     *                               paid under another reference
     */
    public Order confirmPayment(OrderId orderId, String paymentReference) {
        return purchases.confirmPayment(orderId, paymentReference);
    }

    /** As {@link #confirmPayment(OrderId, String)}, for an order id as text (surrounding blanks are ignored). */
    public Order confirmPayment(String orderId, String paymentReference) {
        return confirmPayment(OrderId.parse(orderId), paymentReference);
    }

    /**
     * Cancels a pending order; cancelling an already cancelled order returns it unchanged.
     *
     * @throws AccessDeniedException when another account placed the order
     * @throws OrderStateException   when the order is paid or expired
     */
    public Order cancel(AccountId account, OrderId orderId) {
        return purchases.cancel(account, orderId);
    }

    /** As {@link #cancel(AccountId, OrderId)}, for an order id as text (surrounding blanks are ignored). */
    public Order cancel(AccountId account, String orderId) {
        return cancel(account, OrderId.parse(orderId));
    }

    /**
     * Marks every pending order whose payment window closed (on the service's clock) EXPIRED and
     * returns how many; the host calls it on a schedule.
     */
    public int expireOverdueOrders() {
        return purchases.expireOverdueOrders();
    }

    /**
     * One of the account's orders, as it stands now.
     *
     * @throws AccessDeniedException when another account placed it
     */
    public Order order(AccountId account, OrderId orderId) {
        return purchases.order(account, orderId);
    }

    /** As {@link #order(AccountId, OrderId)}, for an order id as text (surrounding blanks are ignored). */
    public Order order(AccountId account, String orderId) {
        return order(account, OrderId.parse(orderId));
    }

    /** The account's orders, oldest first. */
    public List<Order> orders(AccountId account) {
        return purchases.orders(account);
    }

    /**
     * A signed warranty certificate for the owner's upgraded or extended device: every coverage
     * line, a new unique number on each call, recorded in the certificate store. Check it with
     * {@link #certificateVerifier()} or with {@link CertificateVerifier} and the public key alone.
     *
     * @throws AccessDeniedException            when the account does not own the device
     * @throws CertificateUnavailableException when the device has only its standard warranty
     */
    public Certificate certificate(AccountId account, String serial) {
        return certificates.issue(account, serial);
    }

    /** As {@link #certificate(AccountId, String)}, for a parsed serial number. */
    public Certificate certificate(AccountId account, SerialNumber serial) {
        return certificate(account, InvalidValueException.require("serial", serial).value());
    }

    /** Verifies this service's certificates; holds only the public key of its signer. */
    public CertificateVerifier certificateVerifier() {
        return certificates.verifier();
    }

    /**
     * Assembles a service. Rules, devices and the stores are required: a production service must not
     * fall back to memory by accident. {@code JdbcWarrantyStores.configure(builder, dataSource)} sets
     * the durable stores, {@code InMemoryStores.configure(builder)} the in-memory ones; clock, limits,
     * caches, transactions and the certificate signer have defaults.
     */
    public static final class Builder {
        private WarrantyRules rules;
        private DeviceRegistry devices;
        private Clock clock = Clock.systemUTC();
        private CoverageLedger ledger;
        private UpgradeRequestStore upgrades;
        private CodeVault codeVault;
        private byte[] codePepper;
        private int codeMaxFailures = AttemptLimiter.DEFAULT_MAX_FAILURES;
        private Duration codeLockoutWindow = AttemptLimiter.DEFAULT_WINDOW;
        private CodeAttemptLog codeAttemptLog;
        private OrderStore orders;
        private Duration paymentWindow = Purchases.DEFAULT_PAYMENT_WINDOW;
        private CertificateStore certificateStore;
        private CertificateSigner certificateSigner;
        private OwnershipStore ownership;
        private Transactions transactions = Transactions.none();

        private int decisionCache = DEFAULT_DECISION_CACHE;

        private Builder() {
        }

        /**
         * How many policy decisions to cache, keyed by the whole policy query (device facts, day,
         * ledger state) per rule set; a rule swap starts an empty cache. 0 turns the cache off.
         * Default {@value WarrantyService#DEFAULT_DECISION_CACHE}. Needs a deterministic rule set,
         * which the {@link WarrantyRules} port requires anyway.
         */
        public Builder decisionCache(int maxEntries) {
            if (maxEntries < 0) {
                throw new ConfigurationException("decisionCache must be 0 (off) or positive, was " + maxEntries);
            }
            this.decisionCache = maxEntries;
            return this;
        }

        public Builder rules(WarrantyRules rules) {
            this.rules = ConfigurationException.require("rules", rules);
            return this;
        }

        public Builder devices(DeviceRegistry devices) {
            this.devices = ConfigurationException.require("devices", devices);
            return this;
        }

        /** The clock every date and deadline is measured on; default system UTC. */
        public Builder clock(Clock clock) {
            this.clock = ConfigurationException.require("clock", clock);
            return this;
        }

        public Builder ledger(CoverageLedger ledger) {
            this.ledger = ConfigurationException.require("ledger", ledger);
            return this;
        }

        public Builder upgradeRequests(UpgradeRequestStore upgrades) {
            this.upgrades = ConfigurationException.require("upgradeRequests", upgrades);
            return this;
        }

        /**
         * Where extension-code batches (keyed hashes only) and promotion campaigns are kept. A
         * {@linkplain CodeVault#durable() durable} vault needs {@link #codePepper}.
         */
        public Builder codeVault(CodeVault vault) {
            this.codeVault = ConfigurationException.require("codeVault", vault);
            return this;
        }

        /**
         * The secret key (at least 16 bytes; 32 random bytes recommended) for the HMAC-SHA256 under
         * which extension codes are stored. Keep it outside the code vault's database, so a leaked
         * vault reveals no usable code, and keep it stable, or issued codes stop working. Default: a
         * random key per service instance, which suits only a vault that is not
         * {@linkplain CodeVault#durable() durable}; a durable vault without a pepper is refused at build.
         */
        public Builder codePepper(byte[] key) {
            ConfigurationException.require("codePepper", key);
            if (key.length < CodeHasher.MIN_KEY_BYTES) {
                throw new ConfigurationException("codePepper must be at least " + CodeHasher.MIN_KEY_BYTES
                        + " bytes (32 random bytes recommended), was " + key.length);
            }
            this.codePepper = key.clone();
            return this;
        }

        /**
         * Lockout against guessing codes: after {@code maxFailures} refused codes by one account within
         * {@code window} (on the service's clock), its further attempts are LOCKED_OUT until the oldest
         * of those failures is {@code window} old. Default 5 within 15 minutes.
         */
        public Builder codeLockout(int maxFailures, Duration window) {
            ConfigurationException.require("window", window);
            if (maxFailures < 1 || window.isNegative() || window.isZero()) {
                throw new ConfigurationException("codeLockout needs at least 1 failure and a positive window, was "
                        + maxFailures + " within " + window);
            }
            this.codeMaxFailures = maxFailures;
            this.codeLockoutWindow = window;
            return this;
        }

        /**
         * Where failed code attempts are counted for {@link #codeLockout}. An in-memory log
         * counts per service instance; instances sharing one log (e.g.
         * {@code JdbcWarrantyStores.codeAttempts(dataSource)}) share the lockout.
         */
        public Builder codeAttemptLog(CodeAttemptLog log) {
            this.codeAttemptLog = ConfigurationException.require("codeAttemptLog", log);
            return this;
        }

        /** Where owner changes made by {@link WarrantyService#transferOwnership} are kept. */
        public Builder ownership(OwnershipStore ownership) {
            this.ownership = ConfigurationException.require("ownership", ownership);
            return this;
        }

        /**
         * Makes each service operation one unit of work across the stores (see
         * {@link Transactions}); {@code JdbcWarrantyStores.configure} sets the
         * database's. Default {@link Transactions#none()}: in-memory stores have
         * no rollback across stores, and the service's compensations keep them consistent.
         */
        public Builder transactions(Transactions transactions) {
            this.transactions = ConfigurationException.require("transactions", transactions);
            return this;
        }

        /** Where extension orders are kept. */
        public Builder orders(OrderStore orders) {
            this.orders = ConfigurationException.require("orders", orders);
            return this;
        }

        /** How long an order may stay unpaid, measured on the service's clock; default 7 days. */
        public Builder paymentWindow(Duration window) {
            ConfigurationException.require("paymentWindow", window);
            if (window.isNegative() || window.isZero()) {
                throw new ConfigurationException("paymentWindow must be positive, was " + window);
            }
            this.paymentWindow = window;
            return this;
        }

        /**
         * Signs certificates; in production the maker's Ed25519 key, e.g.
         * {@code CertificateSigner.ed25519(keyPair)}. Default: a key generated per service instance,
         * for demos only (its certificates cannot be verified once the service is gone).
         */
        public Builder certificateSigner(CertificateSigner signer) {
            this.certificateSigner = ConfigurationException.require("certificateSigner", signer);
            return this;
        }

        /** Records issued certificates so a number is never reused. */
        public Builder certificateStore(CertificateStore store) {
            this.certificateStore = ConfigurationException.require("certificateStore", store);
            return this;
        }

        public WarrantyService build() {
            if (rules == null) {
                throw new ConfigurationException("WarrantyService needs rules(...): e.g. DroolsWarrantyRules.defaults()");
            }
            if (devices == null) {
                throw new ConfigurationException("WarrantyService needs devices(...): e.g. InMemoryDeviceRegistry.fromCsv(path)");
            }
            List<String> missing = new ArrayList<>();
            addIfMissing(missing, ledger, "ledger");
            addIfMissing(missing, upgrades, "upgradeRequests");
            addIfMissing(missing, codeVault, "codeVault");
            addIfMissing(missing, codeAttemptLog, "codeAttemptLog");
            addIfMissing(missing, orders, "orders");
            addIfMissing(missing, certificateStore, "certificateStore");
            addIfMissing(missing, ownership, "ownership");
            if (!missing.isEmpty()) {
                throw new ConfigurationException("WarrantyService needs its stores: " + String.join("(...), ", missing)
                        + "(...) not set. Durable stores: JdbcWarrantyStores.configure(builder, dataSource); "
                        + "for tests and demos: InMemoryStores.configure(builder)");
            }
            return new WarrantyService(this);
        }

        private static void addIfMissing(List<String> missing, Object store, String setter) {
            if (store == null) {
                missing.add(setter);
            }
        }
    }
}
