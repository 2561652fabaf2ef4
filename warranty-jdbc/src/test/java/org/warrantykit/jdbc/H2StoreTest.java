package org.warrantykit.jdbc;

class H2StoreTest extends StoreContract {
    @Override
    TestDatabase open() {
        return TestDatabase.h2();
    }
}
