package org.warrantykit.jdbc;

class PostgresStoreTest extends StoreContract {
    @Override
    TestDatabase open() {
        return TestDatabase.postgres();
    }
}
