package org.warrantykit.jdbc;

import java.sql.SQLException;
import java.util.Objects;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.output.MigrateResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.warrantykit.WarrantyService;

/**
 * Durable stores for a {@link WarrantyService} on a host-given {@link DataSource}
 * (H2 2.x or PostgreSQL 12+), and the Flyway migrations that create their tables.
 *
 * <pre>{@code
 * JdbcWarrantyStores.migrate(dataSource);               // once at start-up; idempotent
 * WarrantyService service = JdbcWarrantyStores.configure(WarrantyService.builder(), dataSource)
 *         .rules(DroolsWarrantyRules.defaults())
 *         .devices(registry)
 *         .build();
 * }</pre>
 *
 * <p>Every service operation is one database transaction ({@link JdbcTransactions}): all its writes
 * commit together or not at all. Correctness between concurrent operations rests on constraints and
 * conditional updates, never on JVM locks: any number of service instances, in one or many JVMs,
 * may share one database. A store used on its own (outside a service operation) runs each call in
 * its own short transaction.
 *
 * <p>The factories create no connection: a missing or unmigrated database shows at the first store
 * call, as a {@link JdbcStoreException}. A null argument is a NullPointerException.
 */
public final class JdbcWarrantyStores {
    private static final Logger LOG = LoggerFactory.getLogger(JdbcWarrantyStores.class);
    /** Where the migrations are in this jar. */
    public static final String MIGRATIONS = "classpath:db/migration/warranty";
    /**
     * Flyway's history table for these migrations: not Flyway's default, so a host that runs its own
     * Flyway migrations on the same schema keeps its own history apart.
     */
    public static final String HISTORY_TABLE = "warranty_kit_schema_history";

    private JdbcWarrantyStores() {
    }

    /**
     * Creates or upgrades the warranty tables (all named {@code wk_*}) in the data source's default
     * schema. Safe to call on every start and from several instances at once (Flyway serializes
     * them); a schema that already holds the host's own tables is fine.
     *
     * @param dataSource the host's data source; its user needs the right to create tables
     * @return the number of migrations applied now (0 when the schema was up to date)
     * @throws NullPointerException                   if {@code dataSource} is null
     * @throws JdbcStoreException                    if a migration fails or the database cannot be reached (Flyway's
     *                                               error is the cause)
     */
    public static int migrate(DataSource dataSource) {
        Objects.requireNonNull(dataSource, "dataSource");
        MigrateResult result;
        try {
            result = Flyway.configure(JdbcWarrantyStores.class.getClassLoader())
                    .dataSource(dataSource)
                    .locations(MIGRATIONS)
                    .table(HISTORY_TABLE)
                    .baselineOnMigrate(true)
                    .baselineVersion("0")
                    .load()
                    .migrate();
        } catch (FlywayException e) {
            throw migrationFailed(e);
        }
        LOG.info("warranty schema at version {} ({} migrations applied now)", result.targetSchemaVersion,
                result.migrationsExecuted);
        return result.migrationsExecuted;
    }

    /**
     * Flyway's own error, as a store error: the reason the SQL state gives, Flyway's message (which may
     * quote SQL and URLs) in the cause.
     */
    private static JdbcStoreException migrationFailed(FlywayException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql) {
                JdbcStoreException failure = Jdbc.failure("migrate the warranty schema", sql);
                return new JdbcStoreException(failure.getMessage(), e);
            }
        }
        return new JdbcStoreException("warranty store could not migrate the warranty schema: a migration was "
                + "refused (see the cause); migrations applied before it stay applied, a failed one is rolled back "
                + "where the database allows", e);
    }

    /**
     * Sets every durable store this module provides on {@code builder} (the failed code attempts too,
     * so that instances on one database share the lockout), and {@link #transactions} so
     * that each service operation is one transaction across them. The code vault outlives the
     * service, so the builder also needs {@code codePepper(secret)} (kept outside this database) and,
     * for certificates that stay verifiable, {@code certificateSigner(...)} with the maker's key.
     *
     * @param builder    the builder to set the stores on
     * @param dataSource the host's data source, migrated with {@link #migrate}
     * @return {@code builder}, for chaining
     * @throws NullPointerException if {@code builder} or {@code dataSource} is null
     */
    public static WarrantyService.Builder configure(WarrantyService.Builder builder, DataSource dataSource) {
        Objects.requireNonNull(builder, "builder");
        return builder.ledger(coverageLedger(dataSource))
                .upgradeRequests(upgradeRequests(dataSource))
                .orders(orders(dataSource))
                .codeVault(codeVault(dataSource))
                .codeAttemptLog(codeAttempts(dataSource))
                .certificateStore(certificates(dataSource))
                .ownership(ownership(dataSource))
                .replacements(replacements(dataSource))
                .transactions(transactions(dataSource));
    }

    /**
     * Runs each service operation as one transaction on {@code dataSource}, joined by this module's stores.
     *
     * @param dataSource the host's data source, migrated with {@link #migrate}
     * @return the transactions, for {@code builder.transactions(...)}
     * @throws NullPointerException if {@code dataSource} is null
     */
    public static JdbcTransactions transactions(DataSource dataSource) {
        return new JdbcTransactions(dataSource);
    }

    /**
     * The coverage ledger on {@code dataSource}.
     *
     * @param dataSource the host's data source, migrated with {@link #migrate}
     * @return the ledger, for {@code builder.ledger(...)}
     * @throws NullPointerException if {@code dataSource} is null
     */
    public static JdbcCoverageLedger coverageLedger(DataSource dataSource) {
        return new JdbcCoverageLedger(dataSource);
    }

    /**
     * Pending upgrade requests and online observations on {@code dataSource}.
     *
     * @param dataSource the host's data source, migrated with {@link #migrate}
     * @return the store, for {@code builder.upgradeRequests(...)}
     * @throws NullPointerException if {@code dataSource} is null
     */
    public static JdbcUpgradeRequestStore upgradeRequests(DataSource dataSource) {
        return new JdbcUpgradeRequestStore(dataSource);
    }

    /**
     * Extension orders on {@code dataSource}.
     *
     * @param dataSource the host's data source, migrated with {@link #migrate}
     * @return the store, for {@code builder.orders(...)}
     * @throws NullPointerException if {@code dataSource} is null
     */
    public static JdbcOrderStore orders(DataSource dataSource) {
        return new JdbcOrderStore(dataSource);
    }

    /**
     * Extension-code batches (hashes only) and promotion campaigns on {@code dataSource}; durable, so the
     * service also needs {@code codePepper(...)}.
     *
     * @param dataSource the host's data source, migrated with {@link #migrate}
     * @return the vault, for {@code builder.codeVault(...)}
     * @throws NullPointerException if {@code dataSource} is null
     */
    public static JdbcCodeVault codeVault(DataSource dataSource) {
        return new JdbcCodeVault(dataSource);
    }

    /**
     * Failed code attempts, shared by every instance on the database so that they share the lockout.
     *
     * @param dataSource the host's data source, migrated with {@link #migrate}
     * @return the log, for {@code builder.codeAttemptLog(...)}
     * @throws NullPointerException if {@code dataSource} is null
     */
    public static JdbcCodeAttemptLog codeAttempts(DataSource dataSource) {
        return new JdbcCodeAttemptLog(dataSource);
    }

    /**
     * Issued certificates on {@code dataSource}.
     *
     * @param dataSource the host's data source, migrated with {@link #migrate}
     * @return the store, for {@code builder.certificateStore(...)}
     * @throws NullPointerException if {@code dataSource} is null
     */
    public static JdbcCertificateStore certificates(DataSource dataSource) {
        return new JdbcCertificateStore(dataSource);
    }

    /**
     * Owner changes (house sales) on {@code dataSource}.
     *
     * @param dataSource the host's data source, migrated with {@link #migrate}
     * @return the store, for {@code builder.ownership(...)}
     * @throws NullPointerException if {@code dataSource} is null
     */
    public static JdbcOwnershipStore ownership(DataSource dataSource) {
        return new JdbcOwnershipStore(dataSource);
    }

    /**
     * Device swaps (RMA) on {@code dataSource}.
     *
     * @param dataSource the host's data source, migrated with {@link #migrate}
     * @return the store, for {@code builder.replacements(...)}
     * @throws NullPointerException if {@code dataSource} is null
     */
    public static JdbcReplacementStore replacements(DataSource dataSource) {
        return new JdbcReplacementStore(dataSource);
    }
}
