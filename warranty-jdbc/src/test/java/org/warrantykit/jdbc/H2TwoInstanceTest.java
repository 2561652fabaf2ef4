package org.warrantykit.jdbc;

class H2TwoInstanceTest extends TwoInstanceContract {
    @Override
    TestDatabase open() {
        return TestDatabase.h2();
    }
}
