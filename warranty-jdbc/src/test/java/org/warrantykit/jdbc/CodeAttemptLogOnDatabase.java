package org.warrantykit.jdbc;

import net.jqwik.api.lifecycle.AfterProperty;
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

    @AfterProperty
    void closeDatabase() {
        if (database != null) {
            database.close();
        }
    }
}
