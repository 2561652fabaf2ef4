package org.warrantykit.jdbc;

class PostgresReplacementMigrationTest extends ReplacementMigrationContract {
    @Override
    TestDatabase open() {
        return TestDatabase.postgres();
    }
}
