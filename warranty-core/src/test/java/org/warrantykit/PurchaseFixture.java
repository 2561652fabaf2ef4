package org.warrantykit;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.warrantykit.memory.InMemoryCoverageLedger;
import org.warrantykit.memory.InMemoryDeviceRegistry;
import org.warrantykit.memory.InMemoryOrderStore;
import org.warrantykit.memory.InMemoryStores;
import org.warrantykit.spi.LedgerEntry;
import org.warrantykit.spi.OfferTerm;
import org.warrantykit.spi.OrderStore;
import org.warrantykit.spi.PolicyDecision;
import org.warrantykit.spi.PolicyQuery;
import org.warrantykit.spi.StandardTerm;
import org.warrantykit.spi.UpgradeVerdict;
import org.warrantykit.spi.WarrantyRules;

/**
 * A service with in-memory stores, a movable clock and a small plain-Java policy, for the purchase
 * tests. Today is 2026-11-27; every device is online and (unless named otherwise) upgraded by
 * {@link #upgradeAll()}.
 */
final class PurchaseFixture {
    static final AccountId ALICE = AccountId.of("alice");
    static final AccountId BOB = AccountId.of("bob");
    static final Instant NOW = Instant.parse("2026-11-27T10:00:00Z");
    static final Instant ONLINE = Instant.parse("2026-01-01T00:00:00Z");

    /** Installed 2023-05-02: standard to 2028-05-01, upgraded to 2033-05-01. */
    static final String A1 = "EXTEND00001";
    /** Installed 2024-01-31: standard to 2029-01-30, upgraded to 2034-01-30. */
    static final String A2 = "EXTEND00002";
    /** In GB, priced in GBP; installed 2024-03-01, upgraded to 2034-02-28. */
    static final String GB = "EXTENDGB001";
    /** Alice's, online, but never upgraded. */
    static final String PLAIN = "NOTUPGRADED1";
    /** A model the policy does not sell online extensions for. */
    static final String MEGA = "MEGAMODEL001";
    /** Bob's, upgraded. */
    static final String B1 = "BOBDEVICE01";
    static final List<String> UPGRADED = List.of(A1, A2, GB, MEGA, B1);

    final MutableClock clock = new MutableClock(NOW);
    final InMemoryCoverageLedger ledger = new InMemoryCoverageLedger();
    final InMemoryOrderStore orders = new InMemoryOrderStore();
    final InMemoryDeviceRegistry registry = InMemoryDeviceRegistry.of(List.of(
            device(A1, "X1-HYBRID-G4", "DE", LocalDate.of(2023, 5, 2), ALICE),
            device(A2, "X1-BOOST", "NL", LocalDate.of(2024, 1, 31), ALICE),
            device(GB, "X1-BOOST", "GB", LocalDate.of(2024, 3, 1), ALICE),
            device(PLAIN, "X1-BOOST", "DE", LocalDate.of(2024, 6, 1), ALICE),
            device(MEGA, "X3-MEGA-G2", "DE", LocalDate.of(2024, 6, 1), ALICE),
            device(B1, "X1-BOOST", "FR", LocalDate.of(2024, 6, 1), BOB)));
    final WarrantyService service;

    PurchaseFixture() {
        this(new Rules("fake-1", BigDecimal.ONE), null);
    }

    PurchaseFixture(WarrantyRules rules, Duration paymentWindow) {
        this(rules, paymentWindow, UnaryOperator.identity());
    }

    /** {@code wrap} decorates the order store the service uses ({@link #orders} stays the plain one). */
    PurchaseFixture(WarrantyRules rules, Duration paymentWindow, UnaryOperator<OrderStore> wrap) {
        WarrantyService.Builder builder = InMemoryStores.configure(WarrantyService.builder()).rules(rules).devices(registry).clock(clock)
                .ledger(ledger).orders(wrap.apply(orders));
        if (paymentWindow != null) {
            builder.paymentWindow(paymentWindow);
        }
        service = builder.build();
    }

    static Device device(String serial, String model, String region, LocalDate installed, AccountId owner) {
        return Device.of(SerialNumber.parse(serial), model, Category.INVERTER, region, installed.minusMonths(2),
                installed.minusMonths(1)).withInstallDate(installed).withOwner(owner).withOnlineSince(ONLINE);
    }

    PurchaseFixture upgradeAll() {
        for (String serial : UPGRADED) {
            AccountId owner = serial.equals(B1) ? BOB : ALICE;
            if (service.requestUpgrade(owner, serial).status() != UpgradeStatus.UPGRADED) {
                throw new AssertionError("fixture device " + serial + " was not upgraded");
            }
        }
        return this;
    }

    List<LedgerEntry> entries(String serial) {
        return ledger.entries(SerialNumber.parse(serial));
    }

    /** The device's EXTENSION coverages that name the order. */
    List<Coverage> extensionsOf(String serial, Order order) {
        return entries(serial).stream().map(LedgerEntry::coverage)
                .filter(c -> c.kind() == CoverageKind.EXTENSION && c.source().equals(order.coverageSource()))
                .toList();
    }

    /** Everything a failed call must leave alone: every device's ledger and every order. */
    Object everything() {
        Map<String, Object> all = new LinkedHashMap<>();
        for (String serial : List.of(A1, A2, GB, PLAIN, MEGA, B1)) {
            all.put(serial, entries(serial));
        }
        List<Order> placed = new ArrayList<>(orders.placedBy(ALICE));
        placed.addAll(orders.placedBy(BOB));
        all.put("orders", placed);
        return all;
    }

    /**
     * A policy written for these tests (no Drools): 5-year standard from the install date, +5 years
     * upgrade while it runs, and extensions of 60 and 120 months at EUR 200 / 400 times
     * {@code factor} (GBP at 0.85, whole pounds in GB) for upgraded devices with at least 6 months
     * left, except model X3-MEGA-G2.
     */
    static final class Rules implements WarrantyRules {
        static final String NOT_UPGRADED = "Extensions can be bought once the free online upgrade is applied.";
        static final String NOT_SOLD = "Model X3-MEGA-G2 cannot be extended online.";

        private final String version;
        private final BigDecimal factor;
        private final boolean offerWithoutUpgrade;

        Rules(String version, BigDecimal factor) {
            this(version, factor, false);
        }

        /** {@code offerWithoutUpgrade}: a sloppy policy that offers to devices that were never upgraded. */
        Rules(String version, BigDecimal factor, boolean offerWithoutUpgrade) {
            this.version = version;
            this.factor = factor;
            this.offerWithoutUpgrade = offerWithoutUpgrade;
        }

        @Override
        public String version() {
            return version;
        }

        @Override
        public PolicyDecision decide(PolicyQuery query) {
            Device device = query.device();
            List<String> fired = new ArrayList<>(List.of("standard 5 y"));
            LocalDate start = device.installDate().orElse(device.productionDate().plusMonths(9));
            StandardTerm standard = new StandardTerm(start, 5);
            UpgradeVerdict upgrade = standard.end().isBefore(query.on())
                    ? UpgradeVerdict.refuse("The standard warranty ended on " + standard.end() + ".")
                    : UpgradeVerdict.grant(5, "Free online upgrade: 5 more years.");
            LocalDate end = query.currentEnd().orElse(standard.end());
            String noOffer;
            if (!query.upgraded() && !offerWithoutUpgrade) {
                noOffer = NOT_UPGRADED;
            } else if (device.model().equals("X3-MEGA-G2")) {
                noOffer = NOT_SOLD;
            } else if (end.isBefore(query.on().plusMonths(6))) {
                noOffer = "The warranty ends on " + end + "; extensions are sold only while at least 6 months remain.";
            } else {
                fired.add("price x" + factor);
                boolean gb = device.region().equals("GB");
                List<OfferTerm> offers = List.of(term(60, "200", gb), term(120, "400", gb));
                return new PolicyDecision(standard, upgrade, offers, "", new DecisionTrace(version, fired));
            }
            return new PolicyDecision(standard, upgrade, List.of(), noOffer, new DecisionTrace(version, fired));
        }

        private OfferTerm term(int months, String eur, boolean gb) {
            BigDecimal price = new BigDecimal(eur).multiply(factor);
            return gb ? new OfferTerm(months, Money.of(price.multiply(new BigDecimal("0.85"))
                            .setScale(0, RoundingMode.HALF_UP), java.util.Currency.getInstance("GBP")))
                    : new OfferTerm(months, Money.of(price.setScale(2, RoundingMode.HALF_UP),
                            java.util.Currency.getInstance("EUR")));
        }
    }
}
