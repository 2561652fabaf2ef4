package org.warrantykit.jdbc;

class PostgresServiceFuzzTest extends ServiceFuzzContract {
    @Override
    TestDatabase open() {
        return TestDatabase.postgres();
    }

    @Override
    int calls() {
        return 1_000;
    }
}
