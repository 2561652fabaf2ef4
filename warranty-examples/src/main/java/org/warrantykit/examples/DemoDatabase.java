package org.warrantykit.examples;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.h2.jdbcx.JdbcConnectionPool;
import org.warrantykit.WarrantyService;
import org.warrantykit.jdbc.JdbcWarrantyStores;

/**
 * A file-backed H2 database for the CLI's {@code --db} option: the durable stores of
 * warranty-jdbc on a file, migrated on first use, so upgrades and online reports survive between
 * runs. For demos only: a real host passes its own pooled DataSource and its own secrets.
 */
final class DemoDatabase {
    /** Demo-only pepper for the code vault; a host keeps its own secret outside the database. */
    private static final byte[] DEMO_PEPPER = "warranty-kit demo pepper, not a secret".getBytes(
            StandardCharsets.UTF_8);

    private DemoDatabase() {
    }

    static WarrantyService.Builder configure(WarrantyService.Builder builder, Path file) {
        // WRITE_DELAY=0: a CLI run ends right after its command, every commit must be on disk by then.
        JdbcConnectionPool pool = JdbcConnectionPool.create("jdbc:h2:file:" + file.toAbsolutePath()
                + ";WRITE_DELAY=0", "sa", "");
        JdbcWarrantyStores.migrate(pool);
        return JdbcWarrantyStores.configure(builder, pool).codePepper(DEMO_PEPPER);
    }
}
