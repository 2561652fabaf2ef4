package org.warrantykit.jdbc;

class PostgresClaimCheckTest extends ClaimCheckContract {
    @Override
    TestDatabase open() {
        return TestDatabase.postgres();
    }
}
