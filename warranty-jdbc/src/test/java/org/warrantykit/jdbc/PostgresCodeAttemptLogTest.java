package org.warrantykit.jdbc;

class PostgresCodeAttemptLogTest extends CodeAttemptLogOnDatabase {
    @Override
    TestDatabase open() {
        return TestDatabase.postgres();
    }
}
