package org.warrantykit.jdbc;

class PostgresFiredRulesTest extends FiredRulesContract {
    @Override
    TestDatabase open() {
        return TestDatabase.postgres();
    }
}
