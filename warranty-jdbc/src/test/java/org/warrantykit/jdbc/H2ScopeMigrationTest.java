package org.warrantykit.jdbc;

class H2ScopeMigrationTest extends ScopeMigrationContract {
    @Override
    TestDatabase open() {
        return TestDatabase.h2();
    }
}
