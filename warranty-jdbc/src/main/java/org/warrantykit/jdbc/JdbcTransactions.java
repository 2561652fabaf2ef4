package org.warrantykit.jdbc;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.warrantykit.spi.Transactions;

/**
 * One database transaction per service operation: takes a connection from the data source, turns
 * auto-commit off (at READ COMMITTED, whatever the pool's default) and binds it to the current
 * thread while the work runs, so every JDBC store of this module on the same {@link DataSource}
 * works on it (each store call in a savepoint). Commits
 * when the work returns, rolls back when it throws: a failure or a crash at any step leaves nothing
 * behind.
 *
 * <p>Races between instances are still settled by keys and conditional updates; a store call that
 * loses one is rolled back to its savepoint and the service re-reads inside the same transaction.
 * When the database itself gives up on the transaction (deadlock, lock timeout, serialization
 * failure), the whole unit is rolled back and run again from the top, up to {@value #MAX_ATTEMPTS}
 * times. A nested call joins the running unit. No JVM locks are taken. Get one from
 * {@link JdbcWarrantyStores#transactions}; thread-safe.
 */
public final class JdbcTransactions implements Transactions {
    private static final Logger LOG = LoggerFactory.getLogger(JdbcTransactions.class);
    /** How often a unit of work is run when the database keeps reporting transient conflicts. */
    public static final int MAX_ATTEMPTS = 8;

    private final DataSource dataSource;

    JdbcTransactions(DataSource dataSource) {
        this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
    }

    /**
     * Runs {@code work} as one database transaction, or inside the one already running on this thread
     * for the same data source; retries the whole unit on a transient conflict.
     *
     * @param <T>  the work's result type
     * @param work the unit of work; may run more than once, so it must start from its own reads
     * @return what {@code work} returned (null if it returned null)
     * @throws NullPointerException if {@code work} is null
     * @throws JdbcStoreException  if a connection cannot be had, the commit fails, or the thread is
     *                              interrupted between attempts
     * @throws RuntimeException     whatever {@code work} throws, after the rollback; the last one when
     *                              transient conflicts persist for {@value #MAX_ATTEMPTS} attempts,
     *                              with the earlier ones suppressed
     */
    @Override
    public <T> T inTransaction(Supplier<T> work) {
        Objects.requireNonNull(work, "work");
        if (Jdbc.bound(dataSource) != null) {
            return work.get();
        }
        // The conflicts that made earlier attempts roll back go with the error that ends the retries.
        List<RuntimeException> conflicts = new ArrayList<>();
        for (int attempt = 1; ; attempt++) {
            try {
                return once(work);
            } catch (RuntimeException e) {
                if (attempt >= MAX_ATTEMPTS || !Jdbc.isTransient(e)) {
                    conflicts.stream().filter(conflict -> conflict != e).forEach(e::addSuppressed);
                    throw e;
                }
                LOG.debug("transaction rolled back on a transient conflict (attempt {})", attempt, e);
                conflicts.add(e);
                pause(attempt, conflicts);
            }
        }
    }

    /**
     * Runs {@code work} as one unit of work, as {@link #inTransaction} does, for work with no result.
     *
     * @param work the unit of work; may run more than once
     * @throws NullPointerException if {@code work} is null
     * @throws JdbcStoreException  as {@link #inTransaction}
     * @throws RuntimeException     whatever {@code work} throws, after the rollback
     */
    public void useTransaction(Runnable work) {
        Objects.requireNonNull(work, "work");
        inTransaction(() -> {
            work.run();
            return null;
        });
    }

    private <T> T once(Supplier<T> work) {
        return Jdbc.committed(dataSource, "run a transaction", connection -> {
            Jdbc.bind(dataSource, connection);
            try {
                return work.get();
            } finally {
                Jdbc.unbind(dataSource);
            }
        });
    }

    /** A short random pause, growing with the attempt, so two colliding units do not collide again. */
    private static void pause(int attempt, List<RuntimeException> conflicts) {
        try {
            Thread.sleep(ThreadLocalRandom.current().nextLong(1, 5L << Math.min(attempt, 5)));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            JdbcStoreException interrupted = new JdbcStoreException("interrupted while retrying a transaction", e);
            conflicts.forEach(interrupted::addSuppressed);
            throw interrupted;
        }
    }

    /** @return a description naming the data source */
    @Override
    public String toString() {
        return "JDBC transactions on " + dataSource;
    }
}
