package org.warrantykit.spi;

import java.util.function.Supplier;

/**
 * Runs one service operation as one unit of work across all stores. The service wraps each
 * operation that writes more than once (payment confirmation, code and promotion redemption,
 * purchase, upgrade, online report, transfer) in {@link #inTransaction}.
 *
 * <p>A durable implementation (for example the one {@code JdbcWarrantyStores.configure} sets)
 * makes every store call inside {@code work} join one database transaction: it commits when
 * {@code work} returns and rolls back when it throws, so a failure or a crash at any step leaves
 * nothing behind. It may run {@code work} again after rolling back when the database reports a
 * transient conflict (deadlock, lock timeout), so {@code work} must start from its own reads.
 * A nested call joins the enclosing unit of work.
 *
 * <p>The default, {@link #none()}, just runs {@code work}: in-memory stores have no rollback across
 * stores, and the service's compensations (giving back a claimed code or a reserved promotion when
 * the grant cannot be appended) remain what keeps them consistent.
 */
public interface Transactions {

    /**
     * Runs {@code work} as one unit of work and returns its result.
     *
     * @param <T>  the result type
     * @param work the operation; may be run again after a rollback, so it starts from its own reads
     * @return what {@code work} returned
     */
    <T> T inTransaction(Supplier<T> work);

    /**
     * Runs the work as it is, with no transaction around it (the in-memory default).
     *
     * @return {@link None#INSTANCE}
     */
    static Transactions none() {
        return None.INSTANCE;
    }

    /** The in-memory default. */
    enum None implements Transactions {
        /** The only instance. */
        INSTANCE;

        @Override
        public <T> T inTransaction(Supplier<T> work) {
            return work.get();
        }

        @Override
        public String toString() {
            return "no transactions (in-memory)";
        }
    }
}
