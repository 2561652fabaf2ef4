package org.warrantykit.jdbc;

/** Facts about the shipped migrations that the tests check against. */
final class JdbcWarrantyStoresTestSupport {
    /** Migrations after V1 (codes, certificates, ...). */
    static final int LATER_MIGRATIONS = 1;

    private JdbcWarrantyStoresTestSupport() {
    }
}
