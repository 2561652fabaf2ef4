package org.warrantykit.jdbc;

class PostgresTwoInstanceTest extends TwoInstanceContract {
    @Override
    TestDatabase open() {
        return TestDatabase.postgres();
    }
}
