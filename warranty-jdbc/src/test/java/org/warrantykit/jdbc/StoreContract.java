package org.warrantykit.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.warrantykit.fixtures.Fixtures.ALICE;
import static org.warrantykit.fixtures.Fixtures.device;

import java.sql.Connection;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.warrantykit.AccountId;
import org.warrantykit.Campaign;
import org.warrantykit.Coverage;
import org.warrantykit.CoverageKind;
import org.warrantykit.CoverageSource;
import org.warrantykit.Covered;
import org.warrantykit.DecisionTrace;
import org.warrantykit.InvalidValueException;
import org.warrantykit.Money;
import org.warrantykit.Order;
import org.warrantykit.OrderId;
import org.warrantykit.OrderLine;
import org.warrantykit.OrderState;
import org.warrantykit.SerialNumber;
import org.warrantykit.SupportedDates;
import org.warrantykit.TransferRefusedException;
import org.warrantykit.WarrantyService;
import org.warrantykit.fixtures.TestPolicy;
import org.warrantykit.memory.InMemoryDeviceRegistry;
import org.warrantykit.spi.LedgerEntry;
import org.warrantykit.spi.Replacement;
import org.warrantykit.spi.UpgradeRequest;

/** What every durable store promises, checked on each database (subclasses pick the database). */
abstract class StoreContract {
    static final SerialNumber SN = new SerialNumber("CONTRACT0001");
    static final Instant T0 = Instant.parse("2026-03-01T10:15:30.123456Z");

    TestDatabase database;
    DataSource dataSource;

    abstract TestDatabase open();

    @BeforeEach
    void migrate() {
        database = open();
        dataSource = database.newDataSource();
        assertThat(JdbcWarrantyStores.migrate(dataSource)).isEqualTo(1 + JdbcWarrantyStoresTestSupport.LATER_MIGRATIONS);
    }

    @AfterEach
    void close() {
        if (database != null) {
            database.close();
        }
    }

    /** A ledger line covering what the default policy grants a device in DE for this kind. */
    static LedgerEntry entry(CoverageKind kind, LocalDate start, LocalDate end, String source, Instant at) {
        return new LedgerEntry(new Coverage(kind, start, end, CoverageSource.parse(source),
                Covered.grantedBeforeScopes(kind, "DE")),
                new DecisionTrace("v1", List.of("rule: a", "rule with 12:colons:", "")), at);
    }

    @Test
    void migratingAgainAppliesNothingAndKeepsItsOwnHistoryTable() throws Exception {
        assertThat(JdbcWarrantyStores.migrate(database.newDataSource())).isZero();
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement();
             var rows = s.executeQuery("SELECT COUNT(*) FROM \"" + JdbcWarrantyStores.HISTORY_TABLE + "\"")) {
            rows.next();
            assertThat(rows.getInt(1)).isGreaterThanOrEqualTo(1);
        }
    }

    @Test
    void ledgerAppendsOnlyAtTheExpectedCountAndReadsBackExactly() {
        JdbcCoverageLedger ledger = JdbcWarrantyStores.coverageLedger(dataSource);
        LedgerEntry standard = entry(CoverageKind.STANDARD, LocalDate.of(2024, 1, 1), LocalDate.of(2028, 12, 31),
                "standard warranty", T0);
        LedgerEntry upgrade = entry(CoverageKind.UPGRADE, LocalDate.of(2029, 1, 1), LocalDate.of(2033, 12, 31),
                "online upgrade", T0);
        LedgerEntry extension = entry(CoverageKind.EXTENSION, LocalDate.of(2034, 1, 1), LocalDate.of(2038, 12, 31),
                "order O-1", T0.plusSeconds(5));

        assertThat(ledger.entries(SN)).isEmpty();
        assertThat(ledger.append(SN, 1, List.of(standard))).as("expected count ahead of the ledger").isFalse();
        assertThat(ledger.entries(SN)).isEmpty();
        assertThat(ledger.append(SN, 0, List.of(standard, upgrade))).isTrue();
        assertThat(ledger.append(SN, 0, List.of(standard, upgrade))).as("stale expected count").isFalse();
        assertThat(ledger.append(SN, 1, List.of(extension))).as("stale expected count").isFalse();
        assertThat(ledger.append(SN, 2, List.of(extension))).isTrue();
        assertThat(ledger.entries(SN)).containsExactly(standard, upgrade, extension);
        assertThat(ledger.entries(new SerialNumber("OTHERDEVICE1"))).isEmpty();
    }

    @Test
    void refusedWritesInsideAUnitOfWorkLeaveItUsableAndCommitOnlyWhatWasGranted() {
        // A stale count, an owner that moved and a taken key are answers, not failures: the unit goes
        // on (PostgreSQL would refuse every later statement of a transaction that hit an error).
        JdbcCoverageLedger ledger = JdbcWarrantyStores.coverageLedger(dataSource);
        JdbcOwnershipStore ownership = JdbcWarrantyStores.ownership(dataSource);
        JdbcCodeVault vault = JdbcWarrantyStores.codeVault(dataSource);
        LedgerEntry standard = entry(CoverageKind.STANDARD, LocalDate.of(2024, 1, 1), LocalDate.of(2028, 12, 31),
                "standard warranty", T0);
        org.warrantykit.Campaign spring = org.warrantykit.Campaign.of("SPRING", LocalDate.of(2026, 1, 1),
                LocalDate.of(2026, 6, 30), 1, 12);
        AccountId bob = AccountId.of("bob");

        boolean granted = JdbcWarrantyStores.transactions(dataSource).inTransaction(() -> {
            assertThat(ledger.append(SN, 1, List.of(standard))).as("count ahead of the ledger").isFalse();
            assertThat(ownership.transfer(SN, Optional.of(bob), bob, ALICE, T0)).as("not bob's").isFalse();
            assertThat(vault.addCampaign(spring)).isTrue();
            assertThat(vault.addCampaign(spring)).as("key taken").isFalse();
            assertThat(vault.reserve("SPRING", new org.warrantykit.spi.CodeUse(SN, ALICE, T0)))
                    .isEqualTo(org.warrantykit.spi.CampaignReservation.RESERVED);
            assertThat(vault.reserve("SPRING", new org.warrantykit.spi.CodeUse(new SerialNumber("CONTRACT0002"), ALICE,
                    T0))).isEqualTo(org.warrantykit.spi.CampaignReservation.LIMIT_REACHED);
            return ledger.append(SN, 0, List.of(standard));
        });

        assertThat(granted).isTrue();
        assertThat(ledger.entries(SN)).containsExactly(standard);
        assertThat(ownership.owner(SN)).isEmpty();
        assertThat(vault.redemptions("SPRING")).isEqualTo(1);
    }

    @Test
    void upgradeRequestsAreOnePerDeviceAndRemovedOnce() {
        JdbcUpgradeRequestStore store = JdbcWarrantyStores.upgradeRequests(dataSource);
        UpgradeRequest request = new UpgradeRequest(SN, ALICE, T0);
        assertThat(store.pending(SN)).isEmpty();
        assertThat(store.addIfAbsent(request)).isTrue();
        assertThat(store.addIfAbsent(new UpgradeRequest(SN, AccountId.of("bob"), T0.plusSeconds(1)))).isFalse();
        assertThat(store.pending(SN)).contains(request);
        assertThat(store.remove(SN)).isTrue();
        assertThat(store.remove(SN)).isFalse();
        assertThat(store.pending(SN)).isEmpty();
    }

    @Test
    void onlineObservationKeepsTheEarliestInstant() {
        JdbcUpgradeRequestStore store = JdbcWarrantyStores.upgradeRequests(dataSource);
        assertThat(store.onlineSince(SN)).isEmpty();
        store.recordOnline(SN, T0);
        store.recordOnline(SN, T0.plusSeconds(60));
        assertThat(store.onlineSince(SN)).contains(T0);
        store.recordOnline(SN, T0.minusSeconds(60));
        assertThat(store.onlineSince(SN)).contains(T0.minusSeconds(60));
    }

    @Test
    void anEarlierOnlineObservationWinsOverALaterOneRecordedInBetween() {
        // Another instance records a later observation right after ours found no row to lower, before
        // we read: ours must still end up as the recorded one.
        JdbcUpgradeRequestStore other = JdbcWarrantyStores.upgradeRequests(database.newDataSource());
        boolean[] interleaved = {false};
        DataSource interleaving = HookedDataSources.script(dataSource, List.of(
                new HookedDataSources.Step("UPDATE wk_device_online", () -> {
                    interleaved[0] = true;
                    other.recordOnline(SN, T0.plusSeconds(3600));
                })));

        JdbcWarrantyStores.upgradeRequests(interleaving).recordOnline(SN, T0);

        assertThat(interleaved[0]).as("the other instance's observation came in between").isTrue();
        assertThat(other.onlineSince(SN)).contains(T0);
    }

    @Test
    void aUnitOnAPoolThatDefaultsToRepeatableReadStillSeesWhatOtherInstancesCommitted() {
        // The unit's snapshot is taken before the other instance writes; re-reads after a lost race
        // must see the committed row anyway, or recordOnline never ends and placeIfAbsent throws.
        DataSource repeatableRead = HookedDataSources.withDefaultIsolation(database.newDataSource(), Connection.TRANSACTION_REPEATABLE_READ);
        JdbcUpgradeRequestStore mine = JdbcWarrantyStores.upgradeRequests(repeatableRead);
        JdbcOrderStore myOrders = JdbcWarrantyStores.orders(repeatableRead);
        JdbcUpgradeRequestStore other = JdbcWarrantyStores.upgradeRequests(database.newDataSource());
        JdbcOrderStore otherOrders = JdbcWarrantyStores.orders(database.newDataSource());
        Order theirs = order("O-1", ALICE, "key-1", T0);

        Order placed = assertTimeoutPreemptively(Duration.ofSeconds(60), () ->
                JdbcWarrantyStores.transactions(repeatableRead).inTransaction(() -> {
                    assertThat(mine.onlineSince(SN)).isEmpty();
                    assertThat(myOrders.find(new OrderId("O-1"))).isEmpty();
                    other.recordOnline(SN, T0.plusSeconds(3600));
                    assertThat(otherOrders.placeIfAbsent(theirs)).isEqualTo(theirs);

                    mine.recordOnline(SN, T0);
                    return myOrders.placeIfAbsent(order("O-2", ALICE, "key-1", T0.plusSeconds(1)));
                }));

        assertThat(placed).as("the order placed first under the same key").isEqualTo(theirs);
        assertThat(other.onlineSince(SN)).contains(T0);
        assertThat(otherOrders.find(new OrderId("O-2"))).isEmpty();
    }

    static Order order(String id, AccountId account, String key, Instant createdAt) {
        OrderLine a = new OrderLine(SN, "EXT-60M", 60, Money.of("200", "EUR"), new DecisionTrace("v1", List.of("price")),
                Covered.scope(Covered.PARTS, Covered.LABOUR, Covered.TRANSPORT));
        OrderLine b = new OrderLine(new SerialNumber("CONTRACT0002"), "EXT-120M", 120, Money.of("400.50", "EUR"),
                new DecisionTrace("v1", List.of()), Covered.scope(Covered.PARTS, Covered.LABOUR));
        return new Order(new OrderId(id), account, key, OrderState.PENDING_PAYMENT, List.of(a, b), Money.of("600.50", "EUR"),
                createdAt, createdAt.plusSeconds(7 * 86_400), Optional.empty(), Optional.empty());
    }

    @Test
    void ordersArePlacedOncePerKeyAndMoveByCompareAndSet() {
        JdbcOrderStore store = JdbcWarrantyStores.orders(dataSource);
        Order first = order("O-1", ALICE, "key-1", T0);
        assertThat(store.placeIfAbsent(first)).isEqualTo(first);
        assertThat(store.placeIfAbsent(order("O-2", ALICE, "key-1", T0.plusSeconds(1)))).isEqualTo(first);
        assertThat(store.find(new OrderId("O-2"))).isEmpty();
        Order bobs = order("O-3", AccountId.of("bob"), "key-1", T0.plusSeconds(2));
        assertThat(store.placeIfAbsent(bobs)).as("keys are scoped to the account").isEqualTo(bobs);
        assertThatThrownBy(() -> store.placeIfAbsent(order("O-1", ALICE, "key-9", T0)))
                .isInstanceOf(IllegalStateException.class);

        assertThat(store.find(new OrderId("O-1"))).contains(first);
        assertThat(store.findByIdempotencyKey(ALICE, "key-1")).contains(first);
        assertThat(store.findByIdempotencyKey(ALICE, "key-2")).isEmpty();
        assertThat(store.placedBy(ALICE)).containsExactly(first);

        Order paid = new Order(new OrderId("O-1"), ALICE, "key-1", OrderState.PAID, first.lines(), first.total(), first.createdAt(),
                first.payBy(), Optional.of("pay-1"), Optional.of(T0.plusSeconds(30)));
        Order cancelled = new Order(new OrderId("O-1"), ALICE, "key-1", OrderState.CANCELLED, first.lines(), first.total(),
                first.createdAt(), first.payBy(), Optional.empty(), Optional.of(T0.plusSeconds(31)));
        assertThat(store.transition(first, paid)).isTrue();
        assertThat(store.transition(first, cancelled)).as("no longer pending").isFalse();
        assertThat(store.find(new OrderId("O-1"))).contains(paid);
        assertThat(store.paidWith("pay-1")).contains(paid);
        assertThat(store.paidWith("pay-2")).isEmpty();
        Order bobsPaidTwice = new Order(bobs.orderId(), bobs.account(), bobs.idempotencyKey(), OrderState.PAID,
                bobs.lines(), bobs.total(), bobs.createdAt(), bobs.payBy(), Optional.of("pay-1"), Optional.of(T0.plusSeconds(40)));
        assertThat(store.transition(bobs, bobsPaidTwice)).as("one payment reference pays one order").isFalse();
        assertThat(store.find(bobs.orderId())).contains(bobs);

        assertThat(store.overdue(T0.plusSeconds(8 * 86_400))).containsExactly(bobs);
        assertThat(store.overdue(T0.plusSeconds(86_400))).isEmpty();
    }

    @Test
    void codeBatchesAreAllOrNothingAndEachCodeIsClaimedOnce() {
        JdbcCodeVault vault = JdbcWarrantyStores.codeVault(dataSource);
        org.warrantykit.spi.CodeBatch batch = new org.warrantykit.spi.CodeBatch("B-1", "x1-boost", 2,
                LocalDate.of(2027, 1, 1), 2, T0);
        assertThat(vault.addBatch(batch, List.of("h1", "h2"))).isTrue();
        assertThat(vault.addBatch(new org.warrantykit.spi.CodeBatch("B-2", "X1-BOOST", 2, LocalDate.of(2027, 1, 1),
                2, T0), List.of("h3", "h1"))).as("a hash is taken").isFalse();
        assertThat(vault.batch("B-2")).isEmpty();
        assertThat(vault.code("h3")).isEmpty();
        assertThat(vault.batch("B-1")).contains(batch);

        org.warrantykit.spi.CodeUse use = new org.warrantykit.spi.CodeUse(SN, ALICE, T0);
        org.warrantykit.spi.CodeUse other = new org.warrantykit.spi.CodeUse(SN, ALICE, T0.plusSeconds(1));
        assertThat(vault.claim("h1", use)).isTrue();
        assertThat(vault.claim("h1", other)).isFalse();
        assertThat(vault.claim("nope", use)).isFalse();
        assertThat(vault.code("h1")).contains(new org.warrantykit.spi.StoredCode("h1", "B-1", Optional.of(use)));
        assertThat(vault.redeemed("B-1")).isEqualTo(1);
        assertThat(vault.release("h1", other)).as("not its claim").isFalse();
        assertThat(vault.release("h1", use)).isTrue();
        assertThat(vault.code("h1").orElseThrow().used()).isFalse();
        assertThat(vault.redeemed("B-1")).isZero();
    }

    @Test
    void campaignReservationsRespectTheLimitAndOneUsePerDevice() {
        JdbcCodeVault vault = JdbcWarrantyStores.codeVault(dataSource);
        org.warrantykit.Campaign campaign = org.warrantykit.Campaign.of("SPRING", LocalDate.of(2026, 1, 1),
                LocalDate.of(2026, 6, 30), 2, 12);
        assertThat(vault.addCampaign(campaign)).isTrue();
        assertThat(vault.addCampaign(campaign)).isFalse();
        assertThat(vault.campaign("SPRING")).contains(campaign);
        org.warrantykit.spi.CodeUse a = new org.warrantykit.spi.CodeUse(SN, ALICE, T0);
        org.warrantykit.spi.CodeUse b = new org.warrantykit.spi.CodeUse(new SerialNumber("CONTRACT0002"), ALICE, T0);
        org.warrantykit.spi.CodeUse c = new org.warrantykit.spi.CodeUse(new SerialNumber("CONTRACT0003"), ALICE, T0);
        assertThat(vault.reserve("NOPE", a)).isEqualTo(org.warrantykit.spi.CampaignReservation.UNKNOWN_CAMPAIGN);
        assertThat(vault.reserve("SPRING", a)).isEqualTo(org.warrantykit.spi.CampaignReservation.RESERVED);
        assertThat(vault.reserve("SPRING", a)).isEqualTo(org.warrantykit.spi.CampaignReservation.DEVICE_ALREADY_REDEEMED);
        assertThat(vault.redemptions("SPRING")).as("a refused reservation takes nothing").isEqualTo(1);
        assertThat(vault.reserve("SPRING", b)).isEqualTo(org.warrantykit.spi.CampaignReservation.RESERVED);
        assertThat(vault.reserve("SPRING", c)).isEqualTo(org.warrantykit.spi.CampaignReservation.LIMIT_REACHED);
        assertThat(vault.campaignUse("SPRING", SN)).contains(a);
        assertThat(vault.unreserve("SPRING", c)).isFalse();
        assertThat(vault.unreserve("SPRING", a)).isTrue();
        assertThat(vault.redemptions("SPRING")).isEqualTo(1);
        assertThat(vault.reserve("SPRING", c)).isEqualTo(org.warrantykit.spi.CampaignReservation.RESERVED);
    }

    @Test
    void givingBackAUseWhileTheSameDeviceReservesAgainNeitherDeadlocksNorMiscounts() {
        // The give-back takes its first lock and waits there until the reservation holds the campaign's
        // row (or, when the give-back took that row first, as it must, gives up waiting after 0.3 s:
        // the reservation then waits on it, well within H2's 1 s lock timeout even on a loaded machine).
        // Had the give-back locked the device's use first, the reservation would now wait on that use
        // and the give-back on the campaign: a deadlock, one side failing.
        JdbcCodeVault vault = JdbcWarrantyStores.codeVault(dataSource);
        vault.addCampaign(org.warrantykit.Campaign.of("SPRING", LocalDate.of(2026, 1, 1), LocalDate.of(2026, 6, 30), 5, 12));
        org.warrantykit.spi.CodeUse earlier = new org.warrantykit.spi.CodeUse(SN, ALICE, T0);
        org.warrantykit.spi.CodeUse again = new org.warrantykit.spi.CodeUse(SN, ALICE, T0.plusSeconds(60));
        assertThat(vault.reserve("SPRING", earlier)).isEqualTo(org.warrantykit.spi.CampaignReservation.RESERVED);
        CountDownLatch givingBackStarted = new CountDownLatch(1);
        CountDownLatch reservingHoldsCampaign = new CountDownLatch(1);
        JdbcCodeVault givingBack = JdbcWarrantyStores.codeVault(HookedDataSources.script(database.newDataSource(), List.of(
                new HookedDataSources.Step("wk_campaign", () -> {
                    givingBackStarted.countDown();
                    HookedDataSources.awaitAtMost(reservingHoldsCampaign, 300);
                }))));
        JdbcCodeVault reserving = JdbcWarrantyStores.codeVault(HookedDataSources.script(database.newDataSource(), List.of(
                new HookedDataSources.Step("UPDATE wk_campaign SET taken = taken + 1", reservingHoldsCampaign::countDown))));

        // Threads of their own: both sides must run at once, whatever else the common pool is doing.
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(2);
        try {
            assertTimeoutPreemptively(Duration.ofSeconds(60), () -> {
                java.util.concurrent.Future<Boolean> gaveBack = pool.submit(() -> givingBack.unreserve("SPRING", earlier));
                HookedDataSources.awaitAtMost(givingBackStarted, 30_000);
                java.util.concurrent.Future<org.warrantykit.spi.CampaignReservation> reserved =
                        pool.submit(() -> reserving.reserve("SPRING", again));

                assertThat(gaveBack.get()).isTrue();
                assertThat(reserved.get()).isEqualTo(org.warrantykit.spi.CampaignReservation.RESERVED);
            });
        } finally {
            pool.shutdownNow();
        }
        assertThat(vault.campaignUse("SPRING", SN)).contains(again);
        assertThat(vault.redemptions("SPRING")).as("one use, counted once").isEqualTo(1);
    }

    @Test
    void aConnectionThatFailsToCloseAfterTheCommitDoesNotTurnTheCommittedWorkIntoAFailure() {
        AtomicInteger closes = new AtomicInteger();
        DataSource flaky = HookedDataSources.failingClose(database.newDataSource(), closes);
        JdbcCodeVault vault = JdbcWarrantyStores.codeVault(dataSource);
        vault.addBatch(new org.warrantykit.spi.CodeBatch("B-1", "X1-BOOST", 2, LocalDate.of(2027, 1, 1), 2, T0),
                List.of("h1", "h2"));
        org.warrantykit.spi.CodeUse use = new org.warrantykit.spi.CodeUse(SN, ALICE, T0);

        assertThat(JdbcWarrantyStores.codeVault(flaky).claim("h1", use)).as("a store call").isTrue();
        assertThat(vault.code("h1").orElseThrow().use()).contains(use);

        AtomicInteger runs = new AtomicInteger();
        boolean claimed = JdbcWarrantyStores.transactions(flaky).inTransaction(() -> {
            runs.incrementAndGet();
            return JdbcWarrantyStores.codeVault(flaky).claim("h2", use);
        });
        assertThat(claimed).as("a unit of work").isTrue();
        assertThat(runs).as("run once, not retried").hasValue(1);
        assertThat(vault.code("h2").orElseThrow().use()).contains(use);

        org.warrantykit.Campaign spring = org.warrantykit.Campaign.of("SPRING", LocalDate.of(2026, 1, 1),
                LocalDate.of(2026, 6, 30), 1, 12);
        vault.addCampaign(spring);
        assertThat(JdbcWarrantyStores.codeVault(flaky).addCampaign(spring)).as("a rolled-back insert").isFalse();
        assertThat(closes).as("every connection given back, also after a rollback").hasValue(3);
    }

    @Test
    void aUnitOfWorkWithoutAResultCommitsAllItsWritesTogether() {
        JdbcUpgradeRequestStore store = JdbcWarrantyStores.upgradeRequests(dataSource);
        JdbcTransactions transactions = JdbcWarrantyStores.transactions(dataSource);
        SerialNumber second = new SerialNumber("CONTRACT0002");

        transactions.useTransaction(() -> {
            store.addIfAbsent(new UpgradeRequest(SN, ALICE, T0));
            store.recordOnline(SN, T0);
        });
        assertThatThrownBy(() -> transactions.useTransaction(() -> {
            store.addIfAbsent(new UpgradeRequest(second, ALICE, T0));
            throw new IllegalStateException("the operation failed after its first write");
        })).hasMessage("the operation failed after its first write");

        assertThat(store.pending(SN)).contains(new UpgradeRequest(SN, ALICE, T0));
        assertThat(store.onlineSince(SN)).contains(T0);
        assertThat(store.pending(second)).as("rolled back with its unit").isEmpty();
    }

    @Test
    void aTakenKeyWhoseRollbackFailsIsAFailureThatKeepsBothNotAnAnswer() {
        // The write may stand when its rollback failed, so "taken" would be a guess: the caller gets
        // the key violation with the rollback's failure on it.
        org.warrantykit.Campaign spring = org.warrantykit.Campaign.of("SPRING", LocalDate.of(2026, 1, 1),
                LocalDate.of(2026, 6, 30), 1, 12);
        JdbcWarrantyStores.codeVault(dataSource).addCampaign(spring);
        DataSource broken = HookedDataSources.failingRollback(database.newDataSource());
        JdbcCodeVault vault = JdbcWarrantyStores.codeVault(broken);

        assertThatThrownBy(() -> vault.addCampaign(spring)).isInstanceOf(JdbcStoreException.class).satisfies(e -> {
            assertThat(Jdbc.isUniqueViolation(e)).as("the violation is the cause").isTrue();
            assertThat(e.getCause().getSuppressed()).extracting(Throwable::getMessage)
                    .anySatisfy(m -> assertThat(m).contains("rollback"));
        });
        assertThatThrownBy(() -> JdbcWarrantyStores.transactions(broken).useTransaction(() -> vault.addCampaign(spring)))
                .isInstanceOf(JdbcStoreException.class).satisfies(e -> {
                    assertThat(Jdbc.isUniqueViolation(e)).isTrue();
                    assertThat(e.getCause().getSuppressed()).as("the savepoint's rollback").isNotEmpty();
                    assertThat(e.getSuppressed()).as("the unit's rollback").isNotEmpty();
                });
    }

    @Test
    void aTransactionWhoseRollbackFailsIsNotCommittedByPuttingAutoCommitBack() {
        // The batch row is inserted, a taken hash fails the codes; the rollback fails. Restoring
        // auto-commit now would commit the batch row without its codes.
        JdbcCodeVault vault = JdbcWarrantyStores.codeVault(dataSource);
        vault.addBatch(new org.warrantykit.spi.CodeBatch("B-1", "X1-BOOST", 2, LocalDate.of(2027, 1, 1), 1, T0),
                List.of("h1"));
        JdbcCodeVault broken = JdbcWarrantyStores.codeVault(HookedDataSources.failingRollback(database.newDataSource()));

        assertThatThrownBy(() -> broken.addBatch(new org.warrantykit.spi.CodeBatch("B-2", "X1-BOOST", 2,
                LocalDate.of(2027, 1, 1), 2, T0), List.of("h2", "h1"))).isInstanceOf(JdbcStoreException.class);

        assertThat(vault.batch("B-2")).isEmpty();
        assertThat(vault.code("h2")).isEmpty();
    }

    @Test
    void failedCodeAttemptsOlderThanTheWindowAreDeletedForEveryAccount() throws Exception {
        JdbcCodeAttemptLog log = JdbcWarrantyStores.codeAttempts(dataSource);
        AccountId bob = AccountId.of("bob");
        log.recordFailure(ALICE, T0, Instant.EPOCH);
        log.recordFailure(bob, T0.plusSeconds(30), Instant.EPOCH);
        assertThat(failureRows()).isEqualTo(2);

        Instant later = T0.plus(JdbcCodeAttemptLog.FORGET_EVERY).plusSeconds(60);
        log.recordFailure(ALICE, later, T0.plusSeconds(30));

        assertThat(failureRows()).as("Alice's first failure went, Bob's (at the limit) too").isEqualTo(1);
        assertThat(log.failuresAfter(ALICE, Instant.EPOCH)).containsExactly(Jdbc.stored(later));
        assertThat(log.failuresAfter(bob, Instant.EPOCH)).isEmpty();
    }

    @Test
    void aFailedCodeAttemptStaysRecordedWhenTheUnitOfWorkAroundItRollsBack() {
        // A host that wraps redeem in its own unit: the refusal rolls the unit back, the count must stay.
        JdbcCodeAttemptLog log = JdbcWarrantyStores.codeAttempts(dataSource);
        assertThatThrownBy(() -> JdbcWarrantyStores.transactions(dataSource).useTransaction(() -> {
            log.recordFailure(ALICE, T0, Instant.EPOCH);
            throw new IllegalStateException("the code was refused");
        })).hasMessage("the code was refused");

        assertThat(log.failuresAfter(ALICE, Instant.EPOCH)).containsExactly(Jdbc.stored(T0));
    }

    private int failureRows() throws Exception {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement();
             var rows = s.executeQuery("SELECT COUNT(*) FROM wk_code_failure")) {
            rows.next();
            return rows.getInt(1);
        }
    }

    @Test
    void certificatesAreRecordedOncePerNumberAndReadBackVerifiable() throws Exception {
        JdbcCertificateStore store = JdbcWarrantyStores.certificates(dataSource);
        java.security.KeyPair keys = java.security.KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        org.warrantykit.Device device = device(SN.value()).model("X1-BOOST").installed(LocalDate.of(2024, 6, 1))
                .online(T0).build();
        org.warrantykit.WarrantyService service = JdbcWarrantyStores.configure(org.warrantykit.WarrantyService.builder(),
                        dataSource).rules(new TestPolicy())
                .devices(org.warrantykit.memory.InMemoryDeviceRegistry.of(List.of(device)))
                .clock(java.time.Clock.fixed(Instant.parse("2026-11-27T10:15:30.123456789Z"), java.time.ZoneOffset.UTC))
                .codePepper(new byte[32]).certificateSigner(org.warrantykit.CertificateSigner.ed25519(keys)).build();
        service.requestUpgrade(ALICE, SN.value());
        org.warrantykit.Certificate first = service.certificate(ALICE, SN.value());
        org.warrantykit.Certificate second = service.certificate(ALICE, SN.value());
        assertThat(store.add(first)).as("a number is recorded once").isFalse();
        assertThat(store.find(first.number())).contains(first);
        assertThat(store.find("WK-20260101-7K3QD-M2X9H")).isEmpty();
        assertThat(store.issuedFor(SN)).containsExactly(first, second);
        assertThat(org.warrantykit.CertificateVerifier.of(keys.getPublic())
                .verify(store.find(second.number()).orElseThrow())).isTrue();
    }

    @Test
    void theSupportedDaysRoundTripAtTheirExtremesAndDaysBeyondThemAreRefusedBeforeAnyWrite() {
        Instant first = SupportedDates.EARLIEST.atStartOfDay(ZoneOffset.UTC).toInstant();
        Instant last = SupportedDates.LATEST.atTime(23, 59, 59, 999_999_000).toInstant(ZoneOffset.UTC);
        JdbcCoverageLedger ledger = JdbcWarrantyStores.coverageLedger(dataSource);
        LedgerEntry widest = entry(CoverageKind.STANDARD, SupportedDates.EARLIEST, SupportedDates.LATEST,
                "standard warranty", last);
        assertThat(ledger.append(SN, 0, List.of(widest))).isTrue();
        assertThat(ledger.entries(SN)).containsExactly(widest);
        JdbcUpgradeRequestStore requests = JdbcWarrantyStores.upgradeRequests(dataSource);
        SerialNumber earliest = new SerialNumber("CONTRACT0002");
        requests.recordOnline(earliest, first);
        assertThat(requests.onlineSince(earliest)).contains(first);
        JdbcCodeVault vault = JdbcWarrantyStores.codeVault(dataSource);
        Campaign always = Campaign.of("ALWAYS", SupportedDates.EARLIEST, SupportedDates.LATEST, 1, 12);
        assertThat(vault.addCampaign(always)).isTrue();
        assertThat(vault.campaign("ALWAYS")).contains(always);

        SerialNumber offline = new SerialNumber("CONTRACT0003");
        Instant now = Instant.parse("2026-11-27T10:00:00Z");
        WarrantyService service = JdbcWarrantyStores.configure(WarrantyService.builder(), dataSource)
                .rules(new TestPolicy()).codePepper(new byte[32]).clock(Clock.fixed(now, ZoneOffset.UTC))
                .devices(InMemoryDeviceRegistry.of(List.of(device(offline.value()).installed(LocalDate.of(2024, 6, 1))
                        .offline().build()))).build();
        for (Instant beyond : List.of(Instant.MIN, Instant.EPOCH.minusNanos(1), Instant.ofEpochSecond(-62_135_596_800L))) {
            assertThatThrownBy(() -> service.deviceOnline(offline, beyond)).isInstanceOf(InvalidValueException.class)
                    .hasMessage("at: " + beyond + " is outside the supported days 1970-01-01 to 2199-12-31 (UTC)");
        }
        assertThatThrownBy(() -> service.inquireAsOf(offline, LocalDate.MAX)).isInstanceOf(InvalidValueException.class)
                .hasMessage("date: +999999999-12-31 is outside the supported days 1970-01-01 to 2199-12-31");
        assertThatThrownBy(() -> service.codeIssuer().issueExtensionCodes("X1-BOOST", 5, 1, LocalDate.of(2200, 1, 1)))
                .isInstanceOf(InvalidValueException.class).hasMessageContaining("outside the supported days");
        assertThat(requests.onlineSince(offline)).as("no online time recorded").isEmpty();
        assertThat(ledger.entries(offline)).as("no grant recorded").isEmpty();
        assertThat(service.inquire(offline).end()).as("the device still answers").isAfter(LocalDate.of(2026, 1, 1));
    }

    /** Every scope there is: each non-empty subset of {@link Covered}. */
    static List<Set<Covered>> everyScope() {
        List<Set<Covered>> scopes = new ArrayList<>();
        Covered[] items = Covered.values();
        for (int mask = 1; mask < 1 << items.length; mask++) {
            EnumSet<Covered> scope = EnumSet.noneOf(Covered.class);
            for (int i = 0; i < items.length; i++) {
                if ((mask & 1 << i) != 0) {
                    scope.add(items[i]);
                }
            }
            scopes.add(Covered.scope(scope));
        }
        return scopes;
    }

    @Test
    void everyScopeIsReadBackAsItWasWrittenOnLedgerOrderAndCertificateLines() throws Exception {
        List<Set<Covered>> scopes = everyScope();
        assertThat(scopes).hasSize(7);
        JdbcCoverageLedger ledger = JdbcWarrantyStores.coverageLedger(dataSource);
        List<LedgerEntry> entries = new ArrayList<>();
        List<Coverage> coverages = new ArrayList<>();
        LocalDate start = LocalDate.of(2024, 1, 1);
        for (Set<Covered> scope : scopes) {
            CoverageKind kind = entries.isEmpty() ? CoverageKind.STANDARD : CoverageKind.EXTENSION;
            Coverage coverage = new Coverage(kind, start, start.plusYears(1).minusDays(1),
                    CoverageSource.parse(entries.isEmpty() ? "standard warranty" : "order O-" + entries.size()), scope);
            coverages.add(coverage);
            entries.add(new LedgerEntry(coverage, new DecisionTrace("v1", List.of("scope")), T0));
            start = start.plusYears(1);
        }
        // A line whose scope was not recorded (copied from a store of before scopes) stays so.
        entries.add(new LedgerEntry(new Coverage(CoverageKind.PROMOTION, start, start.plusMonths(6),
                CoverageSource.parse("promotion SUMMER25"), Covered.grantedBeforeScopes(CoverageKind.PROMOTION, "")),
                new DecisionTrace("v1", List.of()), T0, false));
        assertThat(ledger.append(SN, 0, entries)).isTrue();
        assertThat(ledger.entries(SN)).containsExactlyElementsOf(entries);
        List<String> written = new ArrayList<>(scopes.stream().map(Covered::format).toList());
        written.add(null);
        assertThat(column("SELECT covers FROM wk_coverage WHERE serial = '" + SN.value() + "' ORDER BY seq"))
                .containsExactlyElementsOf(written);

        JdbcOrderStore orders = JdbcWarrantyStores.orders(dataSource);
        List<OrderLine> lines = new ArrayList<>();
        List<Set<Covered>> lineScopes = new ArrayList<>(scopes);
        lineScopes.add(Set.of()); // a line placed before scopes
        for (Set<Covered> scope : lineScopes) {
            lines.add(new OrderLine(new SerialNumber("CONTRACTS" + (100 + lines.size())), "EXT-12M", 12,
                    Money.of("10", "EUR"), new DecisionTrace("v1", List.of()), scope));
        }
        Order order = new Order(new OrderId("O-SCOPES"), ALICE, "key-scopes", OrderState.PENDING_PAYMENT, lines,
                Money.of("80", "EUR"), T0, T0.plusSeconds(86_400), Optional.empty(), Optional.empty());
        assertThat(orders.placeIfAbsent(order)).isEqualTo(order);
        assertThat(orders.find(order.orderId())).contains(order);
        assertThat(column("SELECT covers FROM wk_order_line WHERE order_id = 'O-SCOPES' ORDER BY line_no"))
                .containsExactlyElementsOf(written);

        java.security.KeyPair keys = java.security.KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        org.warrantykit.Certificate certificate = org.warrantykit.Certificate.issue(
                ScopeMigrationContract.wellFormedNumber("WK-20261127-SC0PE-S000"), SN, "X1-BOOST",
                ALICE, coverages, T0, "v1", org.warrantykit.CertificateSigner.ed25519(keys));
        JdbcCertificateStore certificates = JdbcWarrantyStores.certificates(dataSource);
        assertThat(certificates.add(certificate)).isTrue();
        assertThat(certificates.find(certificate.number())).contains(certificate);
        assertThat(column("SELECT covers FROM wk_certificate_coverage ORDER BY line_no"))
                .containsExactlyElementsOf(written.subList(0, scopes.size()));
        assertThat(org.warrantykit.CertificateVerifier.of(keys.getPublic())
                .verify(certificates.find(certificate.number()).orElseThrow())).isTrue();
    }

    @Test
    void aScopeChangedOutsideTheLibraryIsATypedStoreErrorAndNothingIsWritten() throws Exception {
        WarrantyService service = JdbcWarrantyStores.configure(WarrantyService.builder(), dataSource)
                .rules(new TestPolicy()).codePepper(new byte[32])
                .clock(Clock.fixed(Instant.parse("2026-11-27T10:00:00Z"), ZoneOffset.UTC))
                .devices(InMemoryDeviceRegistry.of(List.of(device(SN.value()).build()))).build();
        service.requestUpgrade(ALICE, SN);
        Order placed = service.purchase(ALICE, SN, "EXT-60M", "key-1");
        org.warrantykit.Certificate certificate = service.certificate(ALICE, SN);
        JdbcCoverageLedger ledger = JdbcWarrantyStores.coverageLedger(dataSource);
        JdbcOrderStore orders = JdbcWarrantyStores.orders(dataSource);
        JdbcCertificateStore certificates = JdbcWarrantyStores.certificates(dataSource);
        List<LedgerEntry> granted = ledger.entries(SN);
        String message = "warranty store holds a coverage scope it cannot read; the row was changed outside this library";

        for (String garbage : List.of("PARTS,GARBAGE", "", "parts", "LABOUR,PARTS", "PARTS,,LABOUR", " PARTS",
                "PARTS,PARTS")) {
            update("UPDATE wk_coverage SET covers = ? WHERE serial = ? AND seq = 1", garbage, SN.value());
            assertThatThrownBy(() -> ledger.entries(SN)).as(garbage).isInstanceOf(JdbcStoreException.class)
                    .hasMessage(message).cause().hasMessageStartingWith("covers: ");
            assertThatThrownBy(() -> service.inquire(SN)).isInstanceOf(JdbcStoreException.class).hasMessage(message);
            assertThatThrownBy(() -> service.confirmPayment(placed.orderId(), "pay-1"))
                    .isInstanceOf(JdbcStoreException.class).hasMessage(message);
            assertThatThrownBy(() -> service.purchase(ALICE, SN, "EXT-120M", "key-2"))
                    .isInstanceOf(JdbcStoreException.class).hasMessage(message);
            assertThat(column("SELECT COUNT(*) FROM wk_coverage")).as("nothing granted").containsExactly("2");
            assertThat(column("SELECT state FROM wk_order")).as("no order paid or placed")
                    .containsExactly("PENDING_PAYMENT");
            assertThat(column("SELECT COUNT(*) FROM wk_certificate")).containsExactly("1");
            assertThat(column("SELECT covers FROM wk_coverage WHERE seq = 1")).as("the row is left as found")
                    .containsExactly(garbage);

            update("UPDATE wk_order_line SET covers = ? WHERE order_id = ?", garbage, placed.orderId().value());
            assertThatThrownBy(() -> orders.find(placed.orderId())).isInstanceOf(JdbcStoreException.class)
                    .hasMessage(message);
            update("UPDATE wk_certificate_coverage SET covers = ? WHERE number = ? AND line_no = 0", garbage,
                    certificate.number());
            assertThatThrownBy(() -> certificates.find(certificate.number())).isInstanceOf(JdbcStoreException.class)
                    .hasMessage(message);
        }

        update("UPDATE wk_coverage SET covers = ? WHERE serial = ? AND seq = 1", "PARTS", SN.value());
        update("UPDATE wk_order_line SET covers = ? WHERE order_id = ?", Covered.format(placed.lines().get(0).covers()),
                placed.orderId().value());
        update("UPDATE wk_certificate_coverage SET covers = ? WHERE number = ? AND line_no = 0",
                Covered.format(certificate.coverages().get(0).covers()), certificate.number());
        assertThat(ledger.entries(SN)).as("repaired").isEqualTo(granted);
        assertThat(orders.find(placed.orderId())).contains(placed);
        assertThat(certificates.find(certificate.number())).contains(certificate);
    }

    private void update(String sql, String... values) throws Exception {
        try (Connection c = dataSource.getConnection(); java.sql.PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < values.length; i++) {
                s.setString(i + 1, values[i]);
            }
            s.executeUpdate();
        }
    }

    private List<String> column(String sql) throws Exception {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement();
             var rows = s.executeQuery(sql)) {
            List<String> values = new ArrayList<>();
            while (rows.next()) {
                values.add(rows.getString(1));
            }
            return values;
        }
    }

    @Test
    void aTransferThePolicyRefusesLeavesTheOwnerAsItWas() {
        SerialNumber australian = new SerialNumber("CONTRACTAU01");
        WarrantyService service = JdbcWarrantyStores.configure(WarrantyService.builder(), dataSource)
                .rules(new TestPolicy()).codePepper(new byte[32])
                .clock(Clock.fixed(Instant.parse("2026-11-27T10:00:00Z"), ZoneOffset.UTC))
                .devices(InMemoryDeviceRegistry.of(List.of(device(australian.value())
                        .region(TestPolicy.NON_TRANSFERABLE_REGION).build()))).build();
        service.requestUpgrade(ALICE, australian);
        List<LedgerEntry> granted = JdbcWarrantyStores.coverageLedger(dataSource).entries(australian);

        assertThatThrownBy(() -> service.transferOwnership(australian, ALICE, AccountId.of("bob")))
                .isInstanceOf(TransferRefusedException.class)
                .hasMessage("The warranty of device CONTRACTAU01 cannot be transferred: " + TestPolicy.TRANSFER_REFUSED);

        assertThat(JdbcWarrantyStores.ownership(dataSource).owner(australian)).as("no owner change stored").isEmpty();
        assertThat(JdbcWarrantyStores.coverageLedger(dataSource).entries(australian)).isEqualTo(granted);
        assertThat(service.devices(AccountId.of("bob"))).isEmpty();
        assertThat(service.devices(ALICE)).hasSize(1);
    }

    static final SerialNumber OTHER = new SerialNumber("CONTRACT0002");
    static final SerialNumber THIRD = new SerialNumber("CONTRACT0003");
    static final SerialNumber FOURTH = new SerialNumber("CONTRACT0004");

    @Test
    void aDeviceIsReplacedOnceAndUsedAsAReplacementOnceAndNeverAfterItWasReplaced() throws Exception {
        JdbcReplacementStore store = JdbcWarrantyStores.replacements(dataSource);
        Replacement swap = new Replacement(SN, OTHER, LocalDate.of(2026, 2, 27), T0);
        assertThat(store.replacementOf(SN)).isEmpty();
        assertThat(store.replacing(OTHER)).isEmpty();

        assertThat(store.record(swap)).isTrue();
        assertThat(store.replacementOf(SN)).contains(swap);
        assertThat(store.replacing(OTHER)).contains(swap);
        assertThat(store.replacementOf(OTHER)).as("the replacement is in service").isEmpty();
        assertThat(store.replacing(SN)).as("the faulty unit replaced nothing").isEmpty();

        assertThat(store.record(new Replacement(SN, THIRD, LocalDate.of(2026, 3, 1), T0)))
                .as("the faulty unit again").isFalse();
        assertThat(store.record(new Replacement(FOURTH, OTHER, LocalDate.of(2026, 3, 1), T0)))
                .as("the replacement again").isFalse();
        assertThat(store.record(new Replacement(THIRD, SN, LocalDate.of(2026, 3, 1), T0)))
                .as("a replaced unit as a replacement").isFalse();
        assertThat(store.replacing(THIRD)).isEmpty();
        assertThat(store.replacementOf(THIRD)).isEmpty();
        assertThat(store.replacementOf(FOURTH)).isEmpty();
        assertThat(store.replacing(SN)).isEmpty();
        assertThat(column("SELECT COUNT(*) FROM wk_replacement")).as("nothing recorded by a refusal").containsExactly("1");

        Replacement onwards = new Replacement(OTHER, THIRD, LocalDate.of(2026, 3, 1), T0.plusSeconds(60));
        assertThat(store.record(onwards)).as("a replacement replaced in turn").isTrue();
        assertThat(store.replacementOf(OTHER)).contains(onwards);
        assertThat(store.replacing(OTHER)).as("what it replaced is kept").contains(swap);
        assertThat(store.replacing(THIRD)).contains(onwards);
        assertThat(store.record(new Replacement(THIRD, SN, LocalDate.of(2026, 3, 2), T0)))
                .as("no cycle back to a replaced unit").isFalse();
    }

    @Test
    void aSwapRoundTripsItsDayAndItsInstantToTheMicrosecondAtTheSupportedExtremes() {
        JdbcReplacementStore store = JdbcWarrantyStores.replacements(dataSource);
        Instant nanos = Instant.parse("2026-03-01T10:15:30.123456789Z");
        Instant last = SupportedDates.LATEST.atTime(23, 59, 59, 999_999_999).toInstant(ZoneOffset.UTC);
        Replacement earliest = new Replacement(SN, OTHER, SupportedDates.EARLIEST, nanos);
        Replacement latest = new Replacement(THIRD, FOURTH, SupportedDates.LATEST, last);

        assertThat(store.record(earliest)).isTrue();
        assertThat(store.record(latest)).isTrue();

        assertThat(store.replacementOf(SN)).contains(new Replacement(SN, OTHER, SupportedDates.EARLIEST,
                Instant.parse("2026-03-01T10:15:30.123456Z")));
        assertThat(store.replacing(FOURTH)).contains(new Replacement(THIRD, FOURTH, SupportedDates.LATEST,
                Jdbc.stored(last)));
    }

    @Test
    void aSwapIsWithdrawnOnlyExactlyAsRecordedAndFreesBothDevices() {
        JdbcReplacementStore store = JdbcWarrantyStores.replacements(dataSource);
        Instant at = Instant.parse("2026-03-01T10:15:30.123456789Z");
        Replacement swap = new Replacement(SN, OTHER, LocalDate.of(2026, 2, 27), at);
        assertThat(store.withdraw(swap)).as("never recorded").isFalse();
        assertThat(store.record(swap)).isTrue();

        assertThat(store.withdraw(new Replacement(SN, THIRD, swap.on(), at))).as("another replacement").isFalse();
        assertThat(store.withdraw(new Replacement(SN, OTHER, swap.on().plusDays(1), at))).as("another day").isFalse();
        assertThat(store.withdraw(new Replacement(SN, OTHER, swap.on(), at.plusSeconds(1)))).as("another instant")
                .isFalse();
        assertThat(store.replacementOf(SN)).isPresent();

        assertThat(store.withdraw(swap)).as("as recorded, nanoseconds and all").isTrue();
        assertThat(store.withdraw(swap)).as("once").isFalse();
        assertThat(store.replacementOf(SN)).isEmpty();
        assertThat(store.replacing(OTHER)).isEmpty();
        Replacement again = new Replacement(SN, THIRD, swap.on(), at);
        assertThat(store.record(again)).as("the faulty unit is free again").isTrue();
        assertThat(store.record(new Replacement(FOURTH, OTHER, swap.on(), at))).as("and so is the replacement")
                .isTrue();
        assertThat(store.replacementOf(SN)).contains(new Replacement(SN, THIRD, swap.on(), Jdbc.stored(at)));
    }

    @Test
    void aSwapLostToAnotherInstanceBetweenCheckAndInsertIsRefusedAndTheUnitOfWorkGoesOn() {
        // The other instance records the same faulty unit right after our check found it free: the
        // primary key refuses our insert, which is undone alone (PostgreSQL would otherwise refuse
        // every later statement of the unit).
        JdbcReplacementStore other = JdbcWarrantyStores.replacements(database.newDataSource());
        Replacement theirs = new Replacement(SN, THIRD, LocalDate.of(2026, 2, 27), T0);
        Replacement ours = new Replacement(SN, OTHER, LocalDate.of(2026, 2, 27), T0.plusSeconds(1));
        Replacement theirsToo = new Replacement(FOURTH, new SerialNumber("CONTRACT0005"), LocalDate.of(2026, 2, 27), T0);
        Replacement oursToo = new Replacement(new SerialNumber("CONTRACT0006"), new SerialNumber("CONTRACT0005"),
                LocalDate.of(2026, 2, 27), T0);
        boolean[] interleaved = {false, false};
        DataSource interleaving = HookedDataSources.script(dataSource, List.of(
                new HookedDataSources.Step("SELECT COUNT(*) FROM wk_replacement", () -> {
                    interleaved[0] = true;
                    assertThat(other.record(theirs)).isTrue();
                }),
                new HookedDataSources.Step("SELECT COUNT(*) FROM wk_replacement", () -> {
                    interleaved[1] = true;
                    assertThat(other.record(theirsToo)).isTrue();
                })));
        JdbcReplacementStore mine = JdbcWarrantyStores.replacements(interleaving);
        JdbcCoverageLedger ledger = JdbcWarrantyStores.coverageLedger(interleaving);
        LedgerEntry standard = entry(CoverageKind.STANDARD, LocalDate.of(2024, 1, 1), LocalDate.of(2028, 12, 31),
                "standard warranty", T0);

        boolean appended = JdbcWarrantyStores.transactions(interleaving).inTransaction(() -> {
            assertThat(mine.record(ours)).as("the faulty unit taken meanwhile").isFalse();
            assertThat(mine.record(oursToo)).as("the replacement taken meanwhile").isFalse();
            return ledger.append(OTHER, 0, List.of(standard));
        });

        assertThat(interleaved).containsExactly(true, true);
        assertThat(appended).isTrue();
        assertThat(ledger.entries(OTHER)).containsExactly(standard);
        assertThat(mine.replacementOf(SN)).contains(theirs);
        assertThat(mine.replacing(OTHER)).isEmpty();
        assertThat(mine.replacing(new SerialNumber("CONTRACT0005"))).contains(theirsToo);
        assertThat(mine.replacementOf(new SerialNumber("CONTRACT0006"))).isEmpty();
    }

    @Test
    void aSwapChangedOutsideTheLibraryIsATypedStoreErrorAndNothingIsWritten() throws Exception {
        SerialNumber replacement = new SerialNumber("CONTRACTNEW1");
        WarrantyService service = JdbcWarrantyStores.configure(WarrantyService.builder(), dataSource)
                .rules(new TestPolicy()).codePepper(new byte[32])
                .clock(Clock.fixed(Instant.parse("2026-11-27T10:00:00Z"), ZoneOffset.UTC))
                .devices(InMemoryDeviceRegistry.of(List.of(device(SN.value()).build(),
                        device(replacement.value()).build(), device(THIRD.value()).build()))).build();
        service.replaceDevice(SN.value(), replacement.value(), LocalDate.of(2026, 11, 20));
        JdbcReplacementStore store = JdbcWarrantyStores.replacements(dataSource);
        Replacement recorded = store.replacementOf(SN).orElseThrow();
        String message = "warranty store holds a device swap it cannot read; the row was changed outside this library";

        for (String garbage : List.of("short", "contractnew1", "CONTRACT-NEW1", " CONTRACTNEW1", "")) {
            update("UPDATE wk_replacement SET replacement_serial = ? WHERE faulty_serial = ?", garbage, SN.value());
            assertThatThrownBy(() -> store.replacementOf(SN)).as(garbage).isInstanceOf(JdbcStoreException.class)
                    .hasMessage(message).cause().hasMessageStartingWith("replacement_serial: ");
            assertThat(store.replacing(replacement)).as("no row under the old serial any more").isEmpty();
            assertThatThrownBy(() -> service.inquire(SN)).isInstanceOf(JdbcStoreException.class).hasMessage(message);
            assertThatThrownBy(() -> service.replaceDevice(SN.value(), THIRD.value(), LocalDate.of(2026, 11, 21)))
                    .isInstanceOf(JdbcStoreException.class).hasMessage(message);
            assertThat(column("SELECT COUNT(*) FROM wk_replacement")).containsExactly("1");
            assertThat(column("SELECT COUNT(*) FROM wk_coverage WHERE serial = '" + THIRD.value() + "'"))
                    .as("nothing granted").containsExactly("0");
        }
        update("UPDATE wk_replacement SET replacement_serial = ?, faulty_serial = ? WHERE faulty_serial = ?",
                replacement.value(), "not a serial", SN.value());
        assertThatThrownBy(() -> store.replacing(replacement)).isInstanceOf(JdbcStoreException.class)
                .hasMessage(message).cause().hasMessageStartingWith("faulty_serial: ");
        assertThatThrownBy(() -> service.inquire(replacement)).isInstanceOf(JdbcStoreException.class)
                .hasMessage(message);

        update("UPDATE wk_replacement SET faulty_serial = ? WHERE replacement_serial = ?", SN.value(),
                replacement.value());
        assertThat(store.replacementOf(SN)).as("repaired").contains(recorded);
        assertThat(service.inquire(SN).replacedBy()).contains(replacement.value());
    }
}
