package org.warrantykit.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.reflect.Proxy;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.flywaydb.core.api.FlywayException;
import org.junit.jupiter.api.Test;

/** A migration that cannot run is a store error a person can act on; Flyway's own error is the cause. */
class MigrationFailureTest {

    /** A data source whose database is down: every connection attempt fails as a driver reports it. */
    static DataSource unreachable() {
        return (DataSource) Proxy.newProxyInstance(DataSource.class.getClassLoader(), new Class<?>[] {DataSource.class},
                (proxy, method, args) -> {
                    if (method.getName().equals("getConnection")) {
                        throw new SQLException("Connection refused: localhost:5999 (jdbc:postgresql://localhost:5999/wk)",
                                "08001");
                    }
                    throw new UnsupportedOperationException(method.getName());
                });
    }

    @Test
    void migratingAnUnreachableDatabaseSaysSoWithoutTheUrl() {
        assertThatThrownBy(() -> JdbcWarrantyStores.migrate(unreachable()))
                .isInstanceOf(JdbcStoreException.class)
                .hasMessage("warranty store could not migrate the warranty schema: the database cannot be reached; "
                        + "check that it is up and the data source's settings, then repeat the call")
                .hasCauseInstanceOf(FlywayException.class)
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("jdbc:", "5999"));
    }
}
