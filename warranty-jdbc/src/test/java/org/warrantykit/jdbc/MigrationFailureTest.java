package org.warrantykit.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.flywaydb.core.api.FlywayException;
import org.junit.jupiter.api.Test;

/** A migration that cannot run is a store error a person can act on; Flyway's own error is the cause. */
class MigrationFailureTest {

    /** A data source whose database is down: every connection attempt fails as a driver reports it. */
    static final class Unreachable implements DataSource {
        @Override
        public Connection getConnection() throws SQLException {
            throw new SQLException("Connection refused: localhost:5999 (jdbc:postgresql://localhost:5999/wk)", "08001");
        }

        @Override
        public Connection getConnection(String user, String password) throws SQLException {
            return getConnection();
        }

        @Override
        public PrintWriter getLogWriter() {
            return null;
        }

        @Override
        public void setLogWriter(PrintWriter out) {
        }

        @Override
        public void setLoginTimeout(int seconds) {
        }

        @Override
        public int getLoginTimeout() {
            return 0;
        }

        @Override
        public Logger getParentLogger() throws SQLFeatureNotSupportedException {
            throw new SQLFeatureNotSupportedException();
        }

        @Override
        public <T> T unwrap(Class<T> type) throws SQLException {
            throw new SQLException("not a wrapper");
        }

        @Override
        public boolean isWrapperFor(Class<?> type) {
            return false;
        }
    }

    @Test
    void migratingAnUnreachableDatabaseSaysSoWithoutTheUrl() {
        assertThatThrownBy(() -> JdbcWarrantyStores.migrate(new Unreachable()))
                .isInstanceOf(JdbcStoreException.class)
                .hasMessage("warranty store could not migrate the warranty schema: the database cannot be reached; "
                        + "check that it is up and the data source's settings, then repeat the call")
                .hasCauseInstanceOf(FlywayException.class)
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("jdbc:", "5999"));
    }
}
