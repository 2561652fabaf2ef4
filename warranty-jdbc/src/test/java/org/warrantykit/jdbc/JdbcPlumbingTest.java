package org.warrantykit.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.sql.BatchUpdateException;
import java.sql.SQLException;
import java.util.concurrent.atomic.AtomicInteger;
import org.warrantykit.SerialNumber;
import org.junit.jupiter.api.Test;

/** The database-free parts of the shared plumbing. */
class JdbcPlumbingTest {
    @Test
    void aSqlStateIsFoundAnywhereInTheCausesAndTheirNextExceptions() {
        BatchUpdateException batch = new BatchUpdateException("batch failed", null, 0, new int[0], null);
        batch.setNextException(new SQLException("duplicate key", Jdbc.UNIQUE_VIOLATION));
        RuntimeException wrapped = new RuntimeException("outer", new IllegalStateException("middle", batch));

        assertThat(Jdbc.isUniqueViolation(wrapped)).isTrue();
        assertThat(Jdbc.isTransient(wrapped)).isFalse();
        assertThat(Jdbc.isTransient(new SQLException("deadlock", "40P01"))).isTrue();
        assertThat(Jdbc.isUniqueViolation(new SQLException("no state"))).isFalse();
        assertThat(Jdbc.isUniqueViolation(new IllegalStateException("not from the database"))).isFalse();
        assertThat(Jdbc.isUniqueViolation(null)).isFalse();
    }

    private static JdbcStoreException conflict(int attempt) {
        return new JdbcStoreException("conflict on attempt " + attempt, new SQLException("deadlock detected", "40P01"));
    }

    @Test
    void whenTheRetriesRunOutTheLastConflictCarriesTheEarlierOnes() {
        try (TestDatabase database = TestDatabase.h2()) {
            JdbcTransactions transactions = JdbcWarrantyStores.transactions(database.newDataSource());
            AtomicInteger runs = new AtomicInteger();

            assertThatThrownBy(() -> transactions.useTransaction(() -> {
                throw conflict(runs.incrementAndGet());
            })).hasMessage("conflict on attempt " + JdbcTransactions.MAX_ATTEMPTS).satisfies(e ->
                    assertThat(e.getSuppressed()).extracting(Throwable::getMessage).containsExactly(
                            "conflict on attempt 1", "conflict on attempt 2", "conflict on attempt 3",
                            "conflict on attempt 4", "conflict on attempt 5", "conflict on attempt 6",
                            "conflict on attempt 7"));
            assertThat(runs).hasValue(JdbcTransactions.MAX_ATTEMPTS);
        }
    }

    @Test
    void aFailureThatEndsTheRetriesCarriesTheConflictsBeforeIt() {
        try (TestDatabase database = TestDatabase.h2()) {
            JdbcTransactions transactions = JdbcWarrantyStores.transactions(database.newDataSource());
            AtomicInteger runs = new AtomicInteger();

            assertThatThrownBy(() -> transactions.useTransaction(() -> {
                if (runs.incrementAndGet() == 1) {
                    throw conflict(1);
                }
                throw new IllegalStateException("refused on attempt 2");
            })).isInstanceOf(IllegalStateException.class).hasMessage("refused on attempt 2").satisfies(e ->
                    assertThat(e.getSuppressed()).extracting(Throwable::getMessage)
                            .containsExactly("conflict on attempt 1"));
        }
    }

    @Test
    void anInterruptWhileWaitingToRetryKeepsTheConflictAndTheInterruptedState() {
        try (TestDatabase database = TestDatabase.h2()) {
            JdbcTransactions transactions = JdbcWarrantyStores.transactions(database.newDataSource());

            assertThatThrownBy(() -> transactions.useTransaction(() -> {
                Thread.currentThread().interrupt();
                throw conflict(1);
            })).isInstanceOf(JdbcStoreException.class).hasCauseInstanceOf(InterruptedException.class).satisfies(e ->
                    assertThat(e.getSuppressed()).extracting(Throwable::getMessage)
                            .containsExactly("conflict on attempt 1"));
            assertThat(Thread.interrupted()).as("the thread is still marked interrupted").isTrue();
        }
    }

    @Test
    void aConnectionWhoseSettingsCannotBePutBackIsLoggedAndTheCommittedWorkStands() {
        PrintStream stderr = System.err;
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        try (TestDatabase database = TestDatabase.h2()) {
            JdbcWarrantyStores.migrate(database.newDataSource());
            JdbcUpgradeRequestStore store = JdbcWarrantyStores.upgradeRequests(
                    HookedDataSources.failingAutoCommitOn(database.newDataSource()));
            SerialNumber serial = new SerialNumber("PLUMBING0001");
            System.setErr(new PrintStream(log, true, StandardCharsets.UTF_8)); // where slf4j-simple writes

            store.recordOnline(serial, StoreContract.T0);

            System.setErr(stderr);
            assertThat(JdbcWarrantyStores.upgradeRequests(database.newDataSource()).onlineSince(serial))
                    .contains(StoreContract.T0);
            assertThat(log.toString(StandardCharsets.UTF_8))
                    .contains("WARN")
                    .contains("could not restore auto-commit true")
                    .contains("record that " + serial + " is online")
                    .contains("I/O error: connection reset");
        } finally {
            System.setErr(stderr);
        }
    }

    @Test
    void aCallerSeesWhatFailedAndWhatToDoWhileTheSqlStaysInTheCause() {
        try (TestDatabase database = TestDatabase.h2()) { // not migrated
            JdbcUpgradeRequestStore store = JdbcWarrantyStores.upgradeRequests(database.newDataSource());
            SerialNumber serial = new SerialNumber("PLUMBING0001");

            assertThatThrownBy(() -> store.onlineSince(serial)).isInstanceOf(JdbcStoreException.class)
                    .hasMessage("warranty store could not read when " + serial + " was online: the database refused a "
                            + "statement; check that the schema is migrated (JdbcWarrantyStores.migrate) and that the "
                            + "user may read and write the wk_* tables")
                    .hasRootCauseInstanceOf(SQLException.class)
                    .rootCause().hasMessageContaining("SELECT online_since FROM wk_device_online");
        }
    }
}
