package org.warrantykit.jdbc;

class H2FiredRulesTest extends FiredRulesContract {
    @Override
    TestDatabase open() {
        return TestDatabase.h2();
    }
}
