package org.warrantykit.jdbc;

import java.util.Objects;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
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
     * @return the number of migrations applied now (0 when the schema was up to date)
     */
    public static int migrate(DataSource dataSource) {
        Objects.requireNonNull(dataSource, "dataSource");
        MigrateResult result = Flyway.configure(JdbcWarrantyStores.class.getClassLoader())
                .dataSource(dataSource)
                .locations(MIGRATIONS)
                .table(HISTORY_TABLE)
                .baselineOnMigrate(true)
                .baselineVersion("0")
                .load()
                .migrate();
        LOG.info("warranty schema at version {} ({} migrations applied now)", result.targetSchemaVersion,
                result.migrationsExecuted);
        return result.migrationsExecuted;
    }

    /**
     * Sets every durable store this module provides on {@code builder} (the failed code attempts too,
     * so that instances on one database share the lockout), and {@link #transactions} so
     * that each service operation is one transaction across them. The code vault outlives the
     * service, so the builder also needs {@code codePepper(secret)} (kept outside this database) and,
     * for certificates that stay verifiable, {@code certificateSigner(...)} with the maker's key.
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
                .transactions(transactions(dataSource));
    }

    /** Runs each service operation as one transaction on {@code dataSource}, joined by this module's stores. */
    public static JdbcTransactions transactions(DataSource dataSource) {
        return new JdbcTransactions(dataSource);
    }

    public static JdbcCoverageLedger coverageLedger(DataSource dataSource) {
        return new JdbcCoverageLedger(dataSource);
    }

    public static JdbcUpgradeRequestStore upgradeRequests(DataSource dataSource) {
        return new JdbcUpgradeRequestStore(dataSource);
    }

    public static JdbcOrderStore orders(DataSource dataSource) {
        return new JdbcOrderStore(dataSource);
    }

    public static JdbcCodeVault codeVault(DataSource dataSource) {
        return new JdbcCodeVault(dataSource);
    }

    /** Failed code attempts, shared by every instance on the database so that they share the lockout. */
    public static JdbcCodeAttemptLog codeAttempts(DataSource dataSource) {
        return new JdbcCodeAttemptLog(dataSource);
    }

    public static JdbcCertificateStore certificates(DataSource dataSource) {
        return new JdbcCertificateStore(dataSource);
    }

    public static JdbcOwnershipStore ownership(DataSource dataSource) {
        return new JdbcOwnershipStore(dataSource);
    }
}
