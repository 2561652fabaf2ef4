package org.warrantykit.jdbc;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import javax.sql.DataSource;
import org.warrantykit.Coverage;
import org.warrantykit.CoverageKind;
import org.warrantykit.CoverageSource;
import org.warrantykit.Covered;
import org.warrantykit.DecisionTrace;
import org.warrantykit.SerialNumber;
import org.warrantykit.spi.CoverageLedger;
import org.warrantykit.spi.LedgerEntry;

/**
 * The coverage ledger in table {@code wk_coverage}: append-only (the store never updates or deletes
 * a row). Entry {@code n} of a device is row {@code (serial, seq = n)}; an append with expected
 * count {@code k} inserts rows {@code k, k+1, ...} in one transaction, so the primary key lets
 * exactly one of several concurrent appends with the same expected count commit. Get one from
 * {@link JdbcWarrantyStores#coverageLedger}; thread-safe.
 */
public final class JdbcCoverageLedger implements CoverageLedger {
    /** The columns written before scopes were recorded (V1 to V5); {@link #COLUMNS} adds {@code covers}. */
    static final String COLUMNS_BEFORE_SCOPES = "kind, start_date, end_date, source, rule_set_version, fired_rules, "
            + "recorded_at";
    static final String COLUMNS = COLUMNS_BEFORE_SCOPES + ", covers";

    private final Jdbc jdbc;

    JdbcCoverageLedger(DataSource dataSource) {
        this.jdbc = new Jdbc(dataSource);
    }

    /**
     * The device's entries in the order they were appended.
     *
     * @param serial the device
     * @return its entries, empty when none; a line written before scopes were recorded (its
     *         {@code covers} column NULL) with {@link LedgerEntry#scopeRecorded()} false and the scope
     *         {@link Covered#grantedBeforeScopes} gives for its kind without a region (the service reads
     *         it for the device's region)
     * @throws NullPointerException if {@code serial} is null
     * @throws JdbcStoreException if the database fails, or a row's list of fired rules or its scope was
     *                            changed outside this library and cannot be read
     */
    @Override
    public List<LedgerEntry> entries(SerialNumber serial) {
        Objects.requireNonNull(serial, "serial");
        return jdbc.query("read the ledger of " + serial, "SELECT " + COLUMNS
                + " FROM wk_coverage WHERE serial = ? ORDER BY seq", s -> s.setString(1, serial.value()),
                JdbcCoverageLedger::entry);
    }

    /**
     * Appends {@code entries} in one transaction if the device still has exactly {@code expectedCount}
     * entries.
     *
     * @param serial the device
     * @param expectedCount how many entries the caller read, not negative
     * @param entries the entries to append; not null, nor any of them. Each is stored with its scope,
     *                except an entry whose scope was not recorded ({@link LedgerEntry#scopeRecorded()}
     *                false, e.g. copied from another store), which is stored as such and so reads back
     *                with the scope {@link Covered#grantedBeforeScopes} gives without a region
     * @return true if appended; false (nothing written) when another append came first
     * @throws IllegalArgumentException if {@code expectedCount} is negative
     * @throws NullPointerException if {@code serial} or {@code entries} is null
     * @throws JdbcStoreException if the database fails
     */
    @Override
    public boolean append(SerialNumber serial, int expectedCount, List<LedgerEntry> entries) {
        Objects.requireNonNull(serial, "serial");
        List<LedgerEntry> added = List.copyOf(entries);
        if (expectedCount < 0) {
            throw new IllegalArgumentException("expectedCount must not be negative, was " + expectedCount);
        }
        // A stale count is seen here, before writing; an append that commits between this count and
        // the insert is caught by the primary key.
        return jdbc.unlessTaken("append to the ledger of " + serial, c -> {
            if (count(c, serial) != expectedCount) {
                return false;
            }
            insert(c, serial, expectedCount, added);
            return true;
        }, false);
    }

    /** Inserts {@code added} as entries {@code first, first+1, ...} on the caller's transaction. */
    static void insert(Connection c, SerialNumber serial, int first, List<LedgerEntry> added) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("INSERT INTO wk_coverage (serial, seq, " + COLUMNS
                + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            int seq = first;
            for (LedgerEntry entry : added) {
                Coverage coverage = entry.coverage();
                s.setString(1, serial.value());
                s.setInt(2, seq++);
                s.setString(3, coverage.kind().name());
                s.setObject(4, coverage.start());
                s.setObject(5, coverage.end());
                s.setString(6, coverage.source().toString());
                s.setString(7, entry.trace().ruleSetVersion());
                Jdbc.setNames(s, 8, entry.trace().firedRules());
                Jdbc.setInstant(s, 9, entry.recordedAt());
                Jdbc.setCovers(s, 10, entry.scopeRecorded() ? coverage.covers() : Set.of());
                s.addBatch();
            }
            s.executeBatch();
        }
    }

    static int count(Connection c, SerialNumber serial) throws SQLException {
        return Jdbc.query(c, "SELECT COUNT(*) FROM wk_coverage WHERE serial = ?", s -> s.setString(1, serial.value()),
                r -> r.getInt(1)).get(0);
    }

    static LedgerEntry entry(ResultSet row) throws SQLException {
        LocalDate start = Jdbc.getDate(row, "start_date");
        LocalDate end = Jdbc.getDate(row, "end_date");
        CoverageKind kind = CoverageKind.valueOf(row.getString("kind"));
        Optional<Set<Covered>> covers = Jdbc.getCovers(row, "covers");
        Coverage coverage = new Coverage(kind, start, end, CoverageSource.parse(row.getString("source")),
                covers.orElseGet(() -> Covered.grantedBeforeScopes(kind, "")));
        DecisionTrace trace = new DecisionTrace(row.getString("rule_set_version"),
                Jdbc.getNames(row, "fired_rules"));
        return new LedgerEntry(coverage, trace, Jdbc.getInstant(row, "recorded_at"), covers.isPresent());
    }
}
