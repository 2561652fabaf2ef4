package org.warrantykit;

import static org.warrantykit.fixtures.Fixtures.ALICE;
import static org.warrantykit.fixtures.Fixtures.BOB;
import static org.warrantykit.fixtures.Fixtures.device;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.warrantykit.fixtures.MutableClock;
import org.warrantykit.fixtures.TestPolicy;
import org.warrantykit.memory.InMemoryCoverageLedger;
import org.warrantykit.memory.InMemoryDeviceRegistry;
import org.warrantykit.memory.InMemoryOrderStore;
import org.warrantykit.memory.InMemoryStores;
import org.warrantykit.spi.LedgerEntry;
import org.warrantykit.spi.OrderStore;
import org.warrantykit.spi.WarrantyRules;

/**
 * A service with in-memory stores, a movable clock and the {@link TestPolicy} (unless given
 * another), for the purchase tests. Today is 2026-11-27; every device is online and (unless named
 * otherwise) upgraded by {@link #upgradeAll()}.
 */
final class PurchaseFixture {
    static final Instant NOW = Instant.parse("2026-11-27T10:00:00Z");

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
            device(A1).installed(LocalDate.of(2023, 5, 2)).build(),
            device(A2).model("X1-BOOST").region("NL").installed(LocalDate.of(2024, 1, 31)).build(),
            device(GB).model("X1-BOOST").region("GB").installed(LocalDate.of(2024, 3, 1)).build(),
            device(PLAIN).model("X1-BOOST").installed(LocalDate.of(2024, 6, 1)).build(),
            device(MEGA).model("X3-MEGA-G2").installed(LocalDate.of(2024, 6, 1)).build(),
            device(B1).model("X1-BOOST").region("FR").installed(LocalDate.of(2024, 6, 1)).owner(BOB).build()));
    final WarrantyService service;

    PurchaseFixture() {
        this(new TestPolicy(), null);
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
}
