package org.warrantykit.jdbc;

/** Facts about the shipped migrations that the tests check against. */
final class JdbcWarrantyStoresTestSupport {
    /**
     * Migrations after V1 (codes and certificates, failed code attempts, fired rules as JSON, one order
     * per payment, coverage scopes, device replacements).
     */
    static final int LATER_MIGRATIONS = 6;

    private JdbcWarrantyStoresTestSupport() {
    }
}
