package org.warrantykit.jdbc;

class PostgresReplacementTest extends ReplacementContract {
    @Override
    TestDatabase open() {
        return TestDatabase.postgres();
    }
}
