package org.warrantykit.jdbc;

class PostgresScopeMigrationTest extends ScopeMigrationContract {
    @Override
    TestDatabase open() {
        return TestDatabase.postgres();
    }
}
