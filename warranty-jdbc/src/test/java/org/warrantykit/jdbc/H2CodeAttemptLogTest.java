package org.warrantykit.jdbc;

class H2CodeAttemptLogTest extends CodeAttemptLogOnDatabase {
    @Override
    TestDatabase open() {
        return TestDatabase.h2();
    }
}
