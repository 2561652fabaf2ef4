package org.warrantykit.jdbc;

class H2ClaimCheckTest extends ClaimCheckContract {
    @Override
    TestDatabase open() {
        return TestDatabase.h2();
    }
}
