package org.warrantykit.jdbc;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.UUID;
import javax.sql.DataSource;
import org.h2.jdbcx.JdbcConnectionPool;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * A fresh, empty database for one test, reachable through independent data sources (each one a
 * separate connection pool, as two service instances on two machines would have).
 */
interface TestDatabase extends AutoCloseable {
    /** A new, independent data source (own pool) on this database. */
    DataSource newDataSource();

    @Override
    void close();

    /** An in-memory H2 database, kept while any connection is open ({@code DB_CLOSE_DELAY=-1}). */
    static TestDatabase h2() {
        String url = "jdbc:h2:mem:wk" + UUID.randomUUID().toString().replace("-", "") + ";DB_CLOSE_DELAY=-1";
        return new TestDatabase() {
            private final java.util.List<JdbcConnectionPool> pools = new java.util.ArrayList<>();

            @Override
            public synchronized DataSource newDataSource() {
                JdbcConnectionPool pool = JdbcConnectionPool.create(url, "sa", "");
                pool.setMaxConnections(16);
                pools.add(pool);
                return pool;
            }

            @Override
            public synchronized void close() {
                try (Connection c = pools.get(0).getConnection(); Statement s = c.createStatement()) {
                    s.execute("SHUTDOWN");
                } catch (SQLException | IndexOutOfBoundsException ignored) {
                    // already gone
                }
                pools.forEach(JdbcConnectionPool::dispose);
            }
        };
    }

    String URL_VARIABLE = "WARRANTY_PG_URL";

    /**
     * A fresh schema on the PostgreSQL server named by {@code WARRANTY_PG_URL} (user and password from
     * {@code WARRANTY_PG_USER} and {@code WARRANTY_PG_PASSWORD}); dropped on close. Without the
     * variable the test is skipped locally, but fails in CI ({@code CI=true}): CI must never skip it.
     */
    static TestDatabase postgres() {
        String url = System.getenv(URL_VARIABLE);
        if (url == null || url.isBlank()) {
            String message = URL_VARIABLE + " is not set, so the PostgreSQL tests cannot run; start one with "
                    + "`.ci/postgres.sh start` and export the variables it prints";
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                Assertions.fail("CI must run the PostgreSQL tests: " + message);
            }
            Assumptions.abort(message);
        }
        String user = System.getenv().getOrDefault("WARRANTY_PG_USER", "postgres");
        String password = System.getenv().getOrDefault("WARRANTY_PG_PASSWORD", "");
        String schema = "wk_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16).toLowerCase(Locale.ROOT);
        PGSimpleDataSource admin = dataSource(url, user, password, null);
        try (Connection c = admin.getConnection(); Statement s = c.createStatement()) {
            s.execute("CREATE SCHEMA " + schema);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot reach PostgreSQL at " + url + ": " + e.getMessage(), e);
        }
        return new TestDatabase() {
            @Override
            public DataSource newDataSource() {
                return new SmallPool(dataSource(url, user, password, schema), 8);
            }

            @Override
            public void close() {
                try (Connection c = admin.getConnection(); Statement s = c.createStatement()) {
                    s.execute("DROP SCHEMA " + schema + " CASCADE");
                } catch (SQLException ignored) {
                    // left for the throwaway cluster to take away
                }
            }
        };
    }

    private static PGSimpleDataSource dataSource(String url, String user, String password, String schema) {
        PGSimpleDataSource ds = new PGSimpleDataSource();
        ds.setURL(url);
        ds.setUser(user);
        ds.setPassword(password);
        if (schema != null) {
            ds.setCurrentSchema(schema);
        }
        return ds;
    }
}
