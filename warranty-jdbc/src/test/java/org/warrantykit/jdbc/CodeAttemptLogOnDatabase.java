package org.warrantykit.jdbc;

import org.junit.jupiter.api.AfterEach;
import org.warrantykit.spi.CodeAttemptLog;
import org.warrantykit.testkit.CodeAttemptLogContract;

/** The JDBC attempt log keeps the testkit's contract; subclasses pick the database. */
abstract class CodeAttemptLogOnDatabase extends CodeAttemptLogContract {
    private TestDatabase database;

    abstract TestDatabase open();

    @Override
    protected CodeAttemptLog log() {
        database = open();
        JdbcWarrantyStores.migrate(database.newDataSource());
        return JdbcWarrantyStores.codeAttempts(database.newDataSource());
    }

    @AfterEach
    void closeDatabase() {
        if (database != null) {
            database.close();
        }
    }
}
