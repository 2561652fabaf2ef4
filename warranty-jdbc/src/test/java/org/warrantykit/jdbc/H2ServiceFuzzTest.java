package org.warrantykit.jdbc;

class H2ServiceFuzzTest extends ServiceFuzzContract {
    @Override
    TestDatabase open() {
        return TestDatabase.h2();
    }

    @Override
    int calls() {
        return 2_000;
    }
}
