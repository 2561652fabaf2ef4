package org.warrantykit.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.warrantykit.fixtures.FailurePoint;
import org.warrantykit.fixtures.FailurePointCheck;
import org.warrantykit.fixtures.FuzzWorld;
import org.warrantykit.fixtures.ObservedStores;
import org.warrantykit.fixtures.ServiceFuzz;

/**
 * Issue 16 on a database (subclasses pick it): the service fuzz of {@code InMemoryFuzzTest}, and the
 * failure-point property of {@code FailurePointPropertiesTest}, here without exceptions: one
 * transaction per operation rolls back whatever a failing call had written, so every call that
 * fails, at any port call, statement or rule-set decision, leaves every store as it was.
 */
abstract class ServiceFuzzContract {
    static final long SEED = 20261203L;
    /** Seeds of the failure-point runs: each a fresh database, warmed up by 40 calls, then 60 armed ones. */
    static final List<Long> FAILURE_SEEDS = List.of(1L, 2L, 3L, 4L, 5L, 6L);

    private final List<TestDatabase> databases = new ArrayList<>();

    abstract TestDatabase open();

    /**
     * How many calls the fuzz makes: fewer than in memory, for time, as every call is followed by a
     * read of every store (a few hundred round trips).
     */
    abstract int calls();

    @AfterEach
    void dropDatabases() {
        databases.forEach(TestDatabase::close);
    }

    /** A world on a fresh, migrated database, its stores and transactions using {@code wrap}'s data source. */
    private FuzzWorld world(java.util.function.UnaryOperator<DataSource> wrap) {
        TestDatabase database = open();
        databases.add(database);
        DataSource plain = database.newDataSource();
        JdbcWarrantyStores.migrate(plain);
        DataSource ds = wrap.apply(plain);
        ObservedStores.Ports ports = new ObservedStores.Ports(JdbcWarrantyStores.coverageLedger(ds),
                JdbcWarrantyStores.upgradeRequests(ds), JdbcWarrantyStores.codeVault(ds),
                JdbcWarrantyStores.codeAttempts(ds), JdbcWarrantyStores.orders(ds), JdbcWarrantyStores.certificates(ds),
                JdbcWarrantyStores.ownership(ds), JdbcWarrantyStores.replacements(ds));
        return new FuzzWorld(ports, JdbcWarrantyStores.transactions(ds));
    }

    @Test
    void everyCallIsAnsweredOrRefusedTypedAndRefusalsChangeNothing() {
        ServiceFuzz fuzz = new ServiceFuzz(world(ds -> ds).prime(), SEED, 0.35);

        ServiceFuzz.Report report = fuzz.run(calls(), Duration.ofSeconds(5));

        assertThat(report.problems()).as("problems found").isEmpty();
        for (String op : new String[] {"requestUpgrade", "redeem", "purchase", "confirmPayment", "transferOwnership",
                "certificate", "issueExtensionBatch", "createCampaign", "deviceOnline", "replaceDevice"}) {
            assertThat(report.accepted(op)).as("accepted calls of " + op).isPositive();
        }
    }

    @Test
    void aCallWhoseStoreFailsAtAnyPortCallLeavesEveryStoreAsItWas() {
        Map<String, Integer> fired = new TreeMap<>();
        for (long seed : FAILURE_SEEDS) {
            FuzzWorld world = world(ds -> ds);
            FailurePointCheck.run(world, world.storeFailures(), 10, seed, 40, 60, Set.of())
                    .forEach((op, n) -> fired.merge(op, n, Integer::sum));
        }
        assertReachedTheWrites(fired);
    }

    @Test
    void aCallWhoseStatementFailsAtAnyPointLeavesEveryStoreAsItWas() {
        Map<String, Integer> fired = new TreeMap<>();
        for (long seed : FAILURE_SEEDS) {
            FailurePoint statements = new FailurePoint();
            FuzzWorld world = world(ds -> HookedDataSources.failingAt(ds, statements));
            FailurePointCheck.run(world, statements, 12, seed, 40, 60, Set.of())
                    .forEach((op, n) -> fired.merge(op, n, Integer::sum));
        }
        assertReachedTheWrites(fired);
    }

    @Test
    void aCallWhoseRuleSetFailsAtAnyPointLeavesEveryStoreAsItWas() {
        Map<String, Integer> fired = new TreeMap<>();
        for (long seed : FAILURE_SEEDS) {
            FuzzWorld world = world(ds -> ds);
            // a decision fails fast, before any write: more armed calls in the same time
            FailurePointCheck.run(world, world.policyFailures, 3, seed, 40, 150, Set.of())
                    .forEach((op, n) -> fired.merge(op, n, Integer::sum));
        }
        assertReachedTheWrites(fired);
    }

    /** The failures reached the multi-step writes, so the property was tested where it matters. */
    private static void assertReachedTheWrites(Map<String, Integer> fired) {
        assertThat(fired).containsKeys("confirmPayment", "redeem", "requestUpgrade", "purchase", "transferOwnership",
                "certificate");
    }
}
