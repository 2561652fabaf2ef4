package org.warrantykit.jdbc;

class H2ReplacementMigrationTest extends ReplacementMigrationContract {
    @Override
    TestDatabase open() {
        return TestDatabase.h2();
    }
}
