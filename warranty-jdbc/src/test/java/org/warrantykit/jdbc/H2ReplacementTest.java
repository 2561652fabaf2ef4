package org.warrantykit.jdbc;

class H2ReplacementTest extends ReplacementContract {
    @Override
    TestDatabase open() {
        return TestDatabase.h2();
    }
}
