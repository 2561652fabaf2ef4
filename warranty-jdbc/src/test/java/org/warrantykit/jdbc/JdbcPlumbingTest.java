package org.warrantykit.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.BatchUpdateException;
import java.sql.SQLException;
import org.junit.jupiter.api.Test;

/** The database-free parts of the shared plumbing. */
class JdbcPlumbingTest {
    @Test
    void aSqlStateIsFoundAnywhereInTheCausesAndTheirNextExceptions() {
        BatchUpdateException batch = new BatchUpdateException("batch failed", null, 0, new int[0], null);
        batch.setNextException(new SQLException("duplicate key", Jdbc.UNIQUE_VIOLATION));
        RuntimeException wrapped = new RuntimeException("outer", new IllegalStateException("middle", batch));

        assertThat(Jdbc.isUniqueViolation(wrapped)).isTrue();
        assertThat(Jdbc.isTransient(wrapped)).isFalse();
        assertThat(Jdbc.isTransient(new SQLException("deadlock", "40P01"))).isTrue();
        assertThat(Jdbc.isUniqueViolation(new SQLException("no state"))).isFalse();
        assertThat(Jdbc.isUniqueViolation(new IllegalStateException("not from the database"))).isFalse();
        assertThat(Jdbc.isUniqueViolation(null)).isFalse();
    }
}
