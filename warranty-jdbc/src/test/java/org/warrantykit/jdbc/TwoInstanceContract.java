package org.warrantykit.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.warrantykit.fixtures.Fixtures.ALICE;
import static org.warrantykit.fixtures.Fixtures.device;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.BrokenBarrierException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.warrantykit.AccountId;
import org.warrantykit.Coverage;
import org.warrantykit.CoverageKind;
import org.warrantykit.Device;
import org.warrantykit.Order;
import org.warrantykit.OrderId;
import org.warrantykit.OrderState;
import org.warrantykit.OrderStateException;
import org.warrantykit.SerialNumber;
import org.warrantykit.UpgradeResult;
import org.warrantykit.UpgradeStatus;
import org.warrantykit.WarrantyService;
import org.warrantykit.WarrantyState;
import org.warrantykit.fixtures.TestPolicy;
import org.warrantykit.memory.InMemoryDeviceRegistry;
import org.warrantykit.spi.LedgerEntry;

/**
 * Two service instances, each on its own connection pool, share one database; several threads on
 * each race on the same devices and orders. Every grant must land exactly once.
 */
abstract class TwoInstanceContract {
    static final Instant NOW = Instant.parse("2026-11-27T10:00:00Z");
    /** Every device is Alice's X1-BOOST installed then; the online ones are online since 2026-01-01. */
    static final LocalDate INSTALLED = LocalDate.of(2024, 6, 1);
    static final int DEVICES = 12;
    static final int THREADS_PER_INSTANCE = 3;
    static final byte[] PEPPER = "a test pepper of 32 bytes.......".getBytes(java.nio.charset.StandardCharsets.UTF_8);

    TestDatabase database;
    WarrantyService first;
    WarrantyService second;
    JdbcCoverageLedger ledger;
    List<String> online;
    List<String> offline;
    InMemoryDeviceRegistry registry;

    abstract TestDatabase open();

    @BeforeEach
    void twoInstances() {
        database = open();
        List<Device> devices = new ArrayList<>();
        online = new ArrayList<>();
        offline = new ArrayList<>();
        for (int i = 0; i < DEVICES; i++) {
            String on = String.format("ONLINE%05d", i);
            String off = String.format("OFFLINE%05d", i);
            online.add(on);
            offline.add(off);
            devices.add(device(on).model("X1-BOOST").installed(INSTALLED).build());
            devices.add(device(off).model("X1-BOOST").installed(INSTALLED).offline().build());
        }
        registry = InMemoryDeviceRegistry.of(devices);
        DataSource a = database.newDataSource();
        DataSource b = database.newDataSource();
        JdbcWarrantyStores.migrate(a);
        first = service(a, registry);
        second = service(b, registry);
        ledger = JdbcWarrantyStores.coverageLedger(database.newDataSource());
    }

    @AfterEach
    void close() {
        if (database != null) {
            database.close();
        }
    }

    private static WarrantyService service(DataSource dataSource, InMemoryDeviceRegistry registry) {
        return JdbcWarrantyStores.configure(WarrantyService.builder(), dataSource)
                .rules(new TestPolicy().withOpenCampaigns("CRASH")).devices(registry).clock(Clock.fixed(NOW, ZoneOffset.UTC))
                .codePepper(PEPPER).codeLockout(1_000_000, java.time.Duration.ofMinutes(1)).build();
    }

    /** Runs {@code task(instance, thread)} on every thread of both instances at once; rethrows failures. */
    void race(TaskOn task) throws Exception {
        race(2 * THREADS_PER_INSTANCE, task);
    }

    /** As {@link #race(TaskOn)} on {@code threads} threads, every other one on the second instance. */
    void race(int threads, TaskOn task) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                WarrantyService instance = t % 2 == 0 ? first : second;
                int thread = t;
                futures.add(pool.submit(() -> {
                    start.await();
                    task.run(instance, thread);
                    return null;
                }));
            }
            start.countDown();
            for (Future<?> future : futures) {
                future.get(120, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    interface TaskOn {
        void run(WarrantyService instance, int thread) throws Exception;
    }

    static <T> List<T> shuffled(List<T> items, int seed) {
        List<T> copy = new ArrayList<>(items);
        Collections.shuffle(copy, new Random(seed));
        return copy;
    }

    List<CoverageKind> kinds(String serial) {
        return ledger.entries(new SerialNumber(serial)).stream().map(e -> e.coverage().kind()).toList();
    }

    /** Contiguous coverages, STANDARD first and only there. */
    void assertConsistent(String serial) {
        List<LedgerEntry> entries = ledger.entries(new SerialNumber(serial));
        assertThat(entries).isNotEmpty();
        assertThat(entries.get(0).coverage().kind()).isEqualTo(CoverageKind.STANDARD);
        for (int i = 1; i < entries.size(); i++) {
            Coverage previous = entries.get(i - 1).coverage();
            Coverage next = entries.get(i).coverage();
            assertThat(next.kind()).isNotEqualTo(CoverageKind.STANDARD);
            assertThat(next.start()).as(serial + " coverage " + i).isEqualTo(previous.end().plusDays(1));
        }
    }

    @Test
    void upgradesRequestedOnBothInstancesAreGrantedOnce() throws Exception {
        Map<UpgradeStatus, AtomicInteger> statuses = new ConcurrentHashMap<>();
        race((instance, thread) -> {
            for (String serial : shuffled(online, thread)) {
                UpgradeStatus status = instance.requestUpgrade(ALICE, serial).status();
                statuses.computeIfAbsent(status, s -> new AtomicInteger()).incrementAndGet();
            }
        });
        assertThat(statuses.keySet()).containsOnly(UpgradeStatus.UPGRADED);
        for (String serial : online) {
            assertThat(kinds(serial)).as(serial).containsExactly(CoverageKind.STANDARD, CoverageKind.UPGRADE);
            assertConsistent(serial);
        }
    }

    @Test
    void aPendingUpgradeIsAppliedOnceWhenBothInstancesSeeTheDeviceOnline() throws Exception {
        for (String serial : offline) {
            assertThat(first.requestUpgrade(ALICE, serial).status()).isEqualTo(UpgradeStatus.PENDING_ONLINE);
        }
        race((instance, thread) -> {
            for (String serial : shuffled(offline, thread)) {
                instance.deviceOnline(serial, NOW.minusSeconds(3600L * (thread + 1)));
            }
        });
        JdbcUpgradeRequestStore requests = JdbcWarrantyStores.upgradeRequests(database.newDataSource());
        for (String serial : offline) {
            assertThat(kinds(serial)).as(serial).containsExactly(CoverageKind.STANDARD, CoverageKind.UPGRADE);
            assertThat(requests.pending(new SerialNumber(serial))).isEmpty();
            assertThat(requests.onlineSince(new SerialNumber(serial)))
                    .contains(NOW.minusSeconds(3600L * 2 * THREADS_PER_INSTANCE));
        }
    }

    @Test
    void anUpgradeRequestedWhileTheDeviceFirstReportsOnlineIsApplied() throws Exception {
        // The worst interleaving: each unit writes its row, then reads the other's table before
        // either commits, so neither sees the other (the request stays pending, the report finds
        // nothing pending) until both have committed.
        String serial = offline.get(0);
        CyclicBarrier bothWritten = new CyclicBarrier(2);
        CyclicBarrier bothRead = new CyclicBarrier(2);
        WarrantyService requesting = service(HookedDataSources.script(database.newDataSource(), List.of(
                new HookedDataSources.Step("INSERT INTO wk_upgrade_request", () -> await(bothWritten)),
                new HookedDataSources.Step("FROM wk_device_online", () -> await(bothRead)))), registry);
        WarrantyService reporting = service(HookedDataSources.script(database.newDataSource(), List.of(
                new HookedDataSources.Step("INSERT INTO wk_device_online", () -> await(bothWritten)),
                new HookedDataSources.Step("FROM wk_upgrade_request", () -> await(bothRead)))), registry);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            Future<UpgradeResult> requested = pool.submit(() -> requesting.requestUpgrade(ALICE, serial));
            Future<?> reported = pool.submit(() -> {
                reporting.deviceOnline(serial, NOW.minusSeconds(60));
                return null;
            });
            requested.get(60, TimeUnit.SECONDS);
            reported.get(60, TimeUnit.SECONDS);
        } finally {
            pool.shutdownNow();
        }

        assertThat(kinds(serial)).containsExactly(CoverageKind.STANDARD, CoverageKind.UPGRADE);
        assertThat(JdbcWarrantyStores.upgradeRequests(database.newDataSource()).pending(new SerialNumber(serial))).isEmpty();
        assertThat(first.inquire(serial).state()).isEqualTo(WarrantyState.UPGRADED);
    }

    private static void await(CyclicBarrier barrier) {
        try {
            barrier.await(30, TimeUnit.SECONDS);
        } catch (InterruptedException | BrokenBarrierException | TimeoutException e) {
            throw new IllegalStateException("the other instance did not reach the same step", e);
        }
    }

    private List<Order> upgradedWithOrders() {
        List<Order> orders = new ArrayList<>();
        for (String serial : online) {
            first.requestUpgrade(ALICE, serial);
            orders.add(first.purchase(ALICE, serial, "EXT-60M", "buy-" + serial));
        }
        return orders;
    }

    @Test
    void paymentsConfirmedOnBothInstancesApplyEachExtensionOnce() throws Exception {
        List<Order> orders = upgradedWithOrders();
        race((instance, thread) -> {
            for (Order order : shuffled(orders, thread)) {
                Order paid = instance.confirmPayment(order.orderId(), "pay-" + order.orderId());
                assertThat(paid.state()).isEqualTo(OrderState.PAID);
            }
        });
        for (Order order : orders) {
            String serial = order.lines().get(0).serial().value();
            assertThat(kinds(serial)).as(serial)
                    .containsExactly(CoverageKind.STANDARD, CoverageKind.UPGRADE, CoverageKind.EXTENSION);
            assertThat(ledger.entries(new SerialNumber(serial)).get(2).coverage().source())
                    .isEqualTo(order.coverageSource());
            assertConsistent(serial);
            assertThat(second.order(ALICE, order.orderId()).state()).isEqualTo(OrderState.PAID);
        }
    }

    @Test
    void twoOrdersOfTheSameDevicesPaidAtOnceDoNotDeadlock() throws Exception {
        // One order lists d0 then d1, the other d1 then d0. The first payment appends one device's
        // extension and waits there (up to 0.3 s, well within H2's 1 s lock timeout) until the second
        // has appended one too. Applied in line order, the second would now hold d1's ledger and each
        // wait for the other's device: a deadlock, settled only by rolling one payment back and
        // running it again.
        String d0 = online.get(0);
        String d1 = online.get(1);
        first.requestUpgrade(ALICE, d0);
        first.requestUpgrade(ALICE, d1);
        Order forward = first.purchase(ALICE, List.of(new org.warrantykit.OfferSelection(d0, "EXT-60M"),
                new org.warrantykit.OfferSelection(d1, "EXT-60M")), "forward");
        Order backward = first.purchase(ALICE, List.of(new org.warrantykit.OfferSelection(d1, "EXT-60M"),
                new org.warrantykit.OfferSelection(d0, "EXT-60M")), "backward");
        CountDownLatch firstAppended = new CountDownLatch(1);
        CountDownLatch secondAppended = new CountDownLatch(1);
        AtomicInteger firstAttempts = new AtomicInteger();
        AtomicInteger secondAttempts = new AtomicInteger();
        WarrantyService paying = service(HookedDataSources.counting(HookedDataSources.script(database.newDataSource(),
                List.of(new HookedDataSources.Step("INSERT INTO wk_coverage", () -> {
                    firstAppended.countDown();
                    HookedDataSources.awaitAtMost(secondAppended, 300);
                }))), firstAttempts), registry);
        WarrantyService payingToo = service(HookedDataSources.counting(HookedDataSources.script(database.newDataSource(),
                List.of(new HookedDataSources.Step("INSERT INTO wk_coverage", secondAppended::countDown))),
                secondAttempts), registry);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            Future<Order> paid = pool.submit(() -> paying.confirmPayment(forward.orderId(), "pay-forward"));
            HookedDataSources.awaitAtMost(firstAppended, 30_000);
            Future<Order> paidToo = pool.submit(() -> payingToo.confirmPayment(backward.orderId(), "pay-backward"));
            assertThat(paid.get(60, TimeUnit.SECONDS).state()).isEqualTo(OrderState.PAID);
            assertThat(paidToo.get(60, TimeUnit.SECONDS).state()).isEqualTo(OrderState.PAID);
        } finally {
            pool.shutdownNow();
        }

        assertThat(List.of(firstAttempts.get(), secondAttempts.get())).as("each payment ran once, none rolled back")
                .containsExactly(1, 1);
        for (String serial : List.of(d0, d1)) {
            assertThat(kinds(serial)).containsExactly(CoverageKind.STANDARD, CoverageKind.UPGRADE,
                    CoverageKind.EXTENSION, CoverageKind.EXTENSION);
            assertConsistent(serial);
        }
    }

    @Test
    void onePaymentReferenceOfferedForEveryOrderOnBothInstancesPaysExactlyOne() throws Exception {
        List<Order> orders = upgradedWithOrders();
        Set<OrderId> paid = ConcurrentHashMap.newKeySet();
        Set<String> refusals = ConcurrentHashMap.newKeySet();
        race((instance, thread) -> {
            for (Order order : shuffled(orders, thread)) {
                try {
                    paid.add(instance.confirmPayment(order.orderId(), "psp-shared").orderId());
                } catch (OrderStateException e) {
                    refusals.add(e.getMessage().replace(order.orderId().value(), "<id>"));
                }
            }
        });
        assertThat(paid).as("one payment pays one order").hasSize(1);
        assertThat(refusals).containsExactly("Payment psp-shared already paid another order; one payment pays one "
                + "order. Order <id> stays unpaid: check the payment with your provider");
        OrderId winner = paid.iterator().next();
        for (Order order : orders) {
            String serial = order.lines().get(0).serial().value();
            boolean won = order.orderId().equals(winner);
            assertThat(first.order(ALICE, order.orderId()).state()).isEqualTo(won ? OrderState.PAID : OrderState.PENDING_PAYMENT);
            assertThat(kinds(serial)).as(serial).hasSize(won ? 3 : 2);
            assertConsistent(serial);
        }
    }

    @Test
    void purchasesWithOneIdempotencyKeyOnBothInstancesPlaceOneOrder() throws Exception {
        for (String serial : online) {
            first.requestUpgrade(ALICE, serial);
        }
        Map<String, Set<OrderId>> orderIdsByKey = new ConcurrentHashMap<>();
        race((instance, thread) -> {
            for (String serial : shuffled(online, thread)) {
                Order order = instance.purchase(ALICE, serial, "EXT-120M", "key-" + serial);
                orderIdsByKey.computeIfAbsent("key-" + serial, k -> ConcurrentHashMap.newKeySet()).add(order.orderId());
            }
        });
        assertThat(orderIdsByKey).hasSize(DEVICES);
        orderIdsByKey.values().forEach(ids -> assertThat(ids).hasSize(1));
        assertThat(first.orders(ALICE)).hasSize(DEVICES);
        assertThat(second.orders(ALICE)).extracting(Order::orderId)
                .containsExactlyInAnyOrderElementsOf(orderIdsByKey.values().stream().flatMap(Set::stream).toList());
    }

    @Test
    void paymentRacingCancellationEitherPaysAndExtendsOrCancelsAndGrantsNothing() throws Exception {
        List<Order> orders = upgradedWithOrders();
        race((instance, thread) -> {
            for (Order order : shuffled(orders, thread)) {
                try {
                    if (thread % 2 == 0) {
                        instance.confirmPayment(order.orderId(), "pay-" + order.orderId());
                    } else {
                        instance.cancel(ALICE, order.orderId());
                    }
                } catch (OrderStateException lost) {
                    // the other side won this order
                }
            }
        });
        int paid = 0;
        for (Order order : orders) {
            Order now = second.order(ALICE, order.orderId());
            String serial = order.lines().get(0).serial().value();
            assertThat(now.state()).isIn(OrderState.PAID, OrderState.CANCELLED);
            if (now.state() == OrderState.PAID) {
                paid++;
                assertThat(kinds(serial)).containsExactly(CoverageKind.STANDARD, CoverageKind.UPGRADE,
                        CoverageKind.EXTENSION);
            } else {
                assertThat(kinds(serial)).containsExactly(CoverageKind.STANDARD, CoverageKind.UPGRADE);
            }
            assertConsistent(serial);
        }
        assertThat(paid).isBetween(0, DEVICES);
    }

    @Test
    void eachExtensionCodeIsRedeemedOnceAcrossInstances() throws Exception {
        for (String serial : online) {
            first.requestUpgrade(ALICE, serial);
        }
        List<String> codes = first.codeIssuer().issueExtensionCodes("X1-BOOST", 2, 4, LocalDate.of(2027, 12, 31));
        Map<String, AtomicInteger> wins = new ConcurrentHashMap<>();
        race((instance, thread) -> {
            // every thread tries every code on its own device: each code goes to exactly one device
            String serial = online.get(thread);
            for (String code : codes) {
                try {
                    instance.redeem(ALICE, serial, code);
                    wins.computeIfAbsent(code, k -> new AtomicInteger()).incrementAndGet();
                } catch (org.warrantykit.CodeRejectedException refused) {
                    assertThat(refused.reason()).isIn(org.warrantykit.CodeRejectedException.Reason.ALREADY_USED,
                            org.warrantykit.CodeRejectedException.Reason.LOCKED_OUT);
                }
            }
        });
        assertThat(wins.keySet()).containsExactlyInAnyOrderElementsOf(codes);
        wins.values().forEach(w -> assertThat(w.get()).isEqualTo(1));
        long extensions = online.stream().flatMap(s -> kinds(s).stream()).filter(k -> k == CoverageKind.EXTENSION).count();
        assertThat(extensions).isEqualTo(codes.size());
        online.forEach(this::assertConsistent);
        String batch = ledger.entries(new SerialNumber(online.stream().filter(s -> kinds(s).size() > 2).findFirst()
                .orElseThrow())).get(2).coverage().source().reference().orElseThrow();
        assertThat(second.codeIssuer().redeemed(batch)).isEqualTo(codes.size());
    }

    @Test
    void aPromotionNeverExceedsItsLimitAndIsOncePerDeviceAcrossInstances() throws Exception {
        for (String serial : online) {
            first.requestUpgrade(ALICE, serial);
        }
        int limit = 5;
        first.codeIssuer().createCampaign(org.warrantykit.Campaign.of("SUMMER25", LocalDate.of(2026, 1, 1),
                LocalDate.of(2026, 12, 31), limit, 6));
        race((instance, thread) -> {
            for (String serial : shuffled(online, thread)) {
                try {
                    instance.redeem(ALICE, serial, "summer25");
                } catch (org.warrantykit.CodeRejectedException refused) {
                    // limit reached, already redeemed by this device, or locked out after refusals
                }
            }
        });
        long promoted = online.stream().filter(s -> kinds(s).contains(CoverageKind.PROMOTION)).count();
        assertThat(promoted).isEqualTo(limit);
        for (String serial : online) {
            assertThat(kinds(serial).stream().filter(k -> k == CoverageKind.PROMOTION).count()).isLessThanOrEqualTo(1);
            assertConsistent(serial);
        }
        assertThat(second.codeIssuer().redemptions("SUMMER25")).isEqualTo(limit);
    }

    @Test
    void theWarrantyFollowsTheDeviceToItsNewOwnerOnce() throws Exception {
        AccountId bob = AccountId.of("bob");
        AccountId carol = AccountId.of("carol");
        String sold = online.get(0);
        first.requestUpgrade(ALICE, sold);
        org.warrantykit.WarrantyView before = first.inquire(sold);
        Map<AccountId, AtomicInteger> winners = new ConcurrentHashMap<>();
        race((instance, thread) -> {
            AccountId buyer = thread % 2 == 0 ? bob : carol;
            try {
                instance.transferOwnership(sold, ALICE, buyer);
                winners.computeIfAbsent(buyer, b -> new AtomicInteger()).incrementAndGet();
            } catch (org.warrantykit.AccessDeniedException soldAlready) {
                // another thread sold it first
            }
        });
        assertThat(winners).hasSize(1);
        AccountId buyer = winners.keySet().iterator().next();
        AccountId other = buyer.equals(bob) ? carol : bob;
        assertThat(second.inquire(sold).coverages()).isEqualTo(before.coverages());
        assertThat(second.devices(buyer)).extracting(v -> v.serial().value()).containsExactly(sold);
        assertThat(second.devices(ALICE)).extracting(v -> v.serial().value()).doesNotContain(sold)
                .hasSize(2 * DEVICES - 1);
        assertThat(second.devices(other)).isEmpty();
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> second.transferOwnership(sold, ALICE, other))
                .isInstanceOf(org.warrantykit.AccessDeniedException.class);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> first.offers(ALICE, sold))
                .isInstanceOf(org.warrantykit.AccessDeniedException.class);
        assertThat(first.offers(buyer, sold)).isNotEmpty();
        // and on: the new owner sells it back
        second.transferOwnership(sold, buyer, ALICE);
        assertThat(first.devices(ALICE)).hasSize(2 * DEVICES);
        assertThat(first.devices(buyer)).isEmpty();
    }

    @Test
    void failedCodeAttemptsOnEitherInstanceLockTheAccountOutOnBoth() {
        java.util.function.Function<DataSource, WarrantyService> strict = dataSource ->
                JdbcWarrantyStores.configure(WarrantyService.builder(), dataSource)
                        .rules(new TestPolicy()).devices(registry).clock(Clock.fixed(NOW, ZoneOffset.UTC))
                        .codePepper(PEPPER).codeLockout(3, java.time.Duration.ofMinutes(15)).build();
        WarrantyService a = strict.apply(database.newDataSource());
        WarrantyService b = strict.apply(database.newDataSource());
        String device = online.get(0);
        a.requestUpgrade(ALICE, device);
        String code = a.codeIssuer().issueExtensionCodes("X1-BOOST", 2, 1, LocalDate.of(2027, 12, 31)).get(0);

        for (WarrantyService guessing : List.of(a, b, a)) {
            assertThat(catchThrowableOfType(org.warrantykit.CodeRejectedException.class,
                    () -> guessing.redeem(ALICE, device, "WRONG-CODE")).reason())
                    .isNotEqualTo(org.warrantykit.CodeRejectedException.Reason.LOCKED_OUT);
        }

        for (WarrantyService either : List.of(a, b)) {
            org.warrantykit.CodeRejectedException locked = catchThrowableOfType(org.warrantykit.CodeRejectedException.class,
                    () -> either.redeem(ALICE, device, code));
            assertThat(locked.reason()).isEqualTo(org.warrantykit.CodeRejectedException.Reason.LOCKED_OUT);
            assertThat(locked.getMessage()).isEqualTo("Too many failed code attempts (3 within 15 minutes); codes "
                    + "can be entered again from 2026-11-27T10:15:00Z.");
        }
        assertThat(b.inquire(device).coverages()).extracting(Coverage::kind)
                .containsExactly(CoverageKind.STANDARD, CoverageKind.UPGRADE);
        assertThat(first.redeem(ALICE, device, code).coverages()).as("an instance with no lockout of that size")
                .extracting(Coverage::kind).containsExactly(CoverageKind.STANDARD, CoverageKind.UPGRADE, CoverageKind.EXTENSION);
    }

    @Test
    void inquiryAsOfADayShowsOnlyWhatWasRecordedByThen() {
        String serial = online.get(1);
        first.requestUpgrade(ALICE, serial);
        LocalDate today = LocalDate.ofInstant(NOW, ZoneOffset.UTC);
        assertThat(first.inquireAsOf(serial, today.minusDays(1)).coverages()).extracting(Coverage::kind)
                .containsExactly(CoverageKind.STANDARD);
        assertThat(first.inquireAsOf(serial, today.minusDays(1)).state()).isEqualTo(org.warrantykit.WarrantyState.STANDARD);
        assertThat(second.inquireAsOf(serial, today).coverages()).isEqualTo(first.inquire(serial).coverages());
        assertThat(second.inquireAsOf(serial, today).state()).isEqualTo(org.warrantykit.WarrantyState.UPGRADED);
        assertThat(second.inquireAsOf(serial, LocalDate.of(2040, 1, 1)).state())
                .isEqualTo(org.warrantykit.WarrantyState.EXPIRED);
    }

    /** Stands for the process dying: an Error no compensation catches. */
    static final class SimulatedCrash extends Error {
        SimulatedCrash() {
            super("simulated crash after the ledger append");
        }
    }

    /** A service on the shared database whose ledger dies right after each append it wrote. */
    private WarrantyService crashingAfterAppend() {
        DataSource dataSource = database.newDataSource();
        JdbcCoverageLedger real = JdbcWarrantyStores.coverageLedger(dataSource);
        org.warrantykit.spi.CoverageLedger crashing = new org.warrantykit.spi.CoverageLedger() {
            @Override
            public List<LedgerEntry> entries(SerialNumber serial) {
                return real.entries(serial);
            }

            @Override
            public boolean append(SerialNumber serial, int expectedCount, List<LedgerEntry> entries) {
                if (real.append(serial, expectedCount, entries)) {
                    throw new SimulatedCrash();
                }
                return false;
            }
        };
        return JdbcWarrantyStores.configure(WarrantyService.builder(), dataSource).ledger(crashing)
                .rules(new TestPolicy().withOpenCampaigns("CRASH")).devices(InMemoryDeviceRegistry.of(online.stream()
                        .map(s -> device(s).model("X1-BOOST").installed(INSTALLED).build()).toList()))
                .clock(Clock.fixed(NOW, ZoneOffset.UTC))
                .codePepper(PEPPER).build();
    }

    @Test
    void aPaymentThatDiesAfterItsLedgerWriteLeavesTheOrderPendingAndNoCoverage() {
        String serial = online.get(0);
        first.requestUpgrade(ALICE, serial);
        Order order = first.purchase(ALICE, serial, "EXT-60M", "crash-" + serial);
        WarrantyService dying = crashingAfterAppend();

        org.assertj.core.api.Assertions.assertThatThrownBy(() -> dying.confirmPayment(order.orderId(), "pay-1"))
                .isInstanceOf(SimulatedCrash.class);

        assertThat(second.order(ALICE, order.orderId()).state()).isEqualTo(OrderState.PENDING_PAYMENT);
        assertThat(kinds(serial)).containsExactly(CoverageKind.STANDARD, CoverageKind.UPGRADE);
        assertThat(second.confirmPayment(order.orderId(), "pay-1").state()).isEqualTo(OrderState.PAID);
        assertThat(kinds(serial)).containsExactly(CoverageKind.STANDARD, CoverageKind.UPGRADE, CoverageKind.EXTENSION);
    }

    @Test
    void aPromotionThatDiesAfterItsLedgerWriteLeavesNoCountedUse() {
        String serial = online.get(0);
        first.requestUpgrade(ALICE, serial);
        first.codeIssuer().createCampaign(org.warrantykit.Campaign.of("CRASHED", LocalDate.of(2026, 1, 1),
                LocalDate.of(2026, 12, 31), 1, 6));
        WarrantyService dying = crashingAfterAppend();

        org.assertj.core.api.Assertions.assertThatThrownBy(() -> dying.redeem(ALICE, serial, "crashed"))
                .isInstanceOf(SimulatedCrash.class);

        assertThat(second.codeIssuer().redemptions("CRASHED")).isZero();
        assertThat(kinds(serial)).containsExactly(CoverageKind.STANDARD, CoverageKind.UPGRADE);
        second.redeem(ALICE, serial, "crashed"); // the one redemption the limit allows is still free
        assertThat(second.codeIssuer().redemptions("CRASHED")).isEqualTo(1);
        assertThat(kinds(serial)).containsExactly(CoverageKind.STANDARD, CoverageKind.UPGRADE, CoverageKind.PROMOTION);
    }

    @Test
    void anExtensionCodeWhoseRedemptionDiesAfterItsLedgerWriteStaysUnused() {
        String serial = online.get(0);
        first.requestUpgrade(ALICE, serial);
        String code = first.codeIssuer().issueExtensionCodes("X1-BOOST", 2, 1, LocalDate.of(2027, 12, 31)).get(0);
        WarrantyService dying = crashingAfterAppend();

        org.assertj.core.api.Assertions.assertThatThrownBy(() -> dying.redeem(ALICE, serial, code))
                .isInstanceOf(SimulatedCrash.class);

        assertThat(kinds(serial)).containsExactly(CoverageKind.STANDARD, CoverageKind.UPGRADE);
        second.redeem(ALICE, serial, code); // not ALREADY_USED: the claim was rolled back with the grant
        assertThat(kinds(serial)).containsExactly(CoverageKind.STANDARD, CoverageKind.UPGRADE, CoverageKind.EXTENSION);
    }

    /** Threads racing on one swap, half on each instance. */
    static final int SWAP_THREADS = 8;
    static final LocalDate SWAPPED_ON = LocalDate.of(2026, 11, 20);

    private List<String> swapRows() throws Exception {
        try (java.sql.Connection c = database.newDataSource().getConnection();
             java.sql.Statement s = c.createStatement();
             java.sql.ResultSet rows = s.executeQuery("SELECT faulty_serial, replacement_serial, replaced_on "
                     + "FROM wk_replacement")) {
            List<String> found = new ArrayList<>();
            while (rows.next()) {
                found.add(rows.getString(1) + " " + rows.getString(2) + " " + rows.getString(3));
            }
            return found;
        }
    }

    @Test
    void oneFaultyUnitOfferedDifferentReplacementsOnBothInstancesIsReplacedOnce() throws Exception {
        String faulty = online.get(0);
        first.requestUpgrade(ALICE, faulty);
        List<LedgerEntry> faultyLedger = ledger.entries(new SerialNumber(faulty));
        List<String> candidates = offline.subList(0, SWAP_THREADS);
        Map<String, org.warrantykit.WarrantyView> before = new java.util.HashMap<>();
        candidates.forEach(c -> before.put(c, first.inquire(c)));
        Set<String> won = ConcurrentHashMap.newKeySet();
        Map<String, RuntimeException> lost = new ConcurrentHashMap<>();

        race(SWAP_THREADS, (instance, thread) -> {
            String candidate = candidates.get(thread);
            try {
                instance.replaceDevice(faulty, candidate, SWAPPED_ON);
                won.add(candidate);
            } catch (RuntimeException e) {
                lost.put(candidate, e);
            }
        });

        assertThat(won).hasSize(1);
        String winner = won.iterator().next();
        assertThat(lost.keySet()).hasSize(SWAP_THREADS - 1).doesNotContain(winner);
        lost.forEach((candidate, e) -> assertThat(e).as(candidate).isInstanceOf(
                org.warrantykit.ReplacementRefusedException.class).hasMessage("Device " + faulty
                + " cannot be replaced by " + candidate + ": it was already replaced by " + winner + " on "
                + SWAPPED_ON + "."));
        assertThat(swapRows()).containsExactly(faulty + " " + winner + " " + SWAPPED_ON);
        assertThat(ledger.entries(new SerialNumber(faulty))).as("the faulty unit's ledger as it was")
                .isEqualTo(faultyLedger);
        assertThat(kinds(winner)).containsExactly(CoverageKind.STANDARD, CoverageKind.UPGRADE);
        assertConsistent(winner);
        assertThat(second.inquire(faulty).replacedBy()).contains(winner);
        for (String loser : lost.keySet()) {
            assertThat(kinds(loser)).as(loser).isEmpty();
            assertThat(second.inquire(loser)).as(loser).isEqualTo(before.get(loser));
        }
    }

    @Test
    void oneReplacementOfferedForDifferentFaultyUnitsOnBothInstancesReplacesOne() throws Exception {
        String replacement = offline.get(0);
        List<String> faultyUnits = online.subList(0, SWAP_THREADS);
        Map<String, org.warrantykit.WarrantyView> before = new java.util.HashMap<>();
        Map<String, List<LedgerEntry>> ledgers = new java.util.HashMap<>();
        for (String faulty : faultyUnits) {
            first.requestUpgrade(ALICE, faulty);
            before.put(faulty, first.inquire(faulty));
            ledgers.put(faulty, ledger.entries(new SerialNumber(faulty)));
        }
        Set<String> won = ConcurrentHashMap.newKeySet();
        Map<String, RuntimeException> lost = new ConcurrentHashMap<>();

        race(SWAP_THREADS, (instance, thread) -> {
            String faulty = faultyUnits.get(thread);
            try {
                instance.replaceDevice(faulty, replacement, SWAPPED_ON);
                won.add(faulty);
            } catch (RuntimeException e) {
                lost.put(faulty, e);
            }
        });

        assertThat(won).hasSize(1);
        String winner = won.iterator().next();
        assertThat(lost.keySet()).hasSize(SWAP_THREADS - 1).doesNotContain(winner);
        // A loser's unit of work reads the swaps, then the replacement's ledger: when the winner commits
        // in between, the ledger is what refuses it.
        lost.forEach((faulty, e) -> {
            assertThat(e).as(faulty).isInstanceOf(org.warrantykit.ReplacementRefusedException.class);
            assertThat(e.getMessage()).as(faulty).isIn("Device " + faulty + " cannot be replaced by " + replacement
                    + ": " + replacement + " already replaced " + winner + " on " + SWAPPED_ON
                    + " and carries that warranty.", "Device " + faulty + " cannot be replaced by " + replacement
                    + ": " + replacement + " has warranty grants of its own; only a unit with nothing granted can "
                    + "take over another's warranty.");
        });
        assertThat(swapRows()).containsExactly(winner + " " + replacement + " " + SWAPPED_ON);
        assertThat(kinds(replacement)).containsExactly(CoverageKind.STANDARD, CoverageKind.UPGRADE);
        assertThat(ledger.entries(new SerialNumber(replacement)).get(1).coverage())
                .isEqualTo(ledgers.get(winner).get(1).coverage());
        assertThat(second.inquire(replacement).replaces()).contains(winner);
        for (String loser : lost.keySet()) {
            assertThat(ledger.entries(new SerialNumber(loser))).as(loser).isEqualTo(ledgers.get(loser));
            assertThat(second.inquire(loser)).as(loser).isEqualTo(before.get(loser));
        }
    }
}
