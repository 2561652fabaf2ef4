package org.warrantykit.jdbc;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Objects;
import java.util.Optional;
import javax.sql.DataSource;
import org.warrantykit.InvalidSerialNumberException;
import org.warrantykit.InvalidValueException;
import org.warrantykit.SerialNumber;
import org.warrantykit.spi.Replacement;
import org.warrantykit.spi.ReplacementStore;

/**
 * Device swaps (RMA) in {@code wk_replacement}, one row per swap: the primary key on the faulty
 * device replaces it at most once, the unique key on the replacement uses it at most once, so of
 * concurrent swaps of one faulty device or onto one replacement exactly one commits. That the
 * replacement was not itself replaced is read in the same transaction, before the insert. Get one
 * from {@link JdbcWarrantyStores#replacements}; thread-safe.
 *
 * <p>Recording a device as faulty and, at the same time in another transaction, as a replacement
 * may both commit (neither sees the other's uncommitted row): the chain they leave (A replaced by
 * B, B by C) is one that the two swaps made one after the other leave too. The service settles
 * even that race, as both of its swaps then append to the shared device's empty ledger and only
 * one of those appends commits.
 */
public final class JdbcReplacementStore implements ReplacementStore {
    private static final String COLUMNS = "faulty_serial, replacement_serial, replaced_on, recorded_at";

    private final Jdbc jdbc;

    JdbcReplacementStore(DataSource dataSource) {
        this.jdbc = new Jdbc(dataSource);
    }

    /**
     * The swap that took the device out of service.
     *
     * @param faulty the device
     * @return that swap; empty when the device was never replaced
     * @throws NullPointerException if {@code faulty} is null
     * @throws JdbcStoreException if the database fails, or the row was changed outside this library
     *                            and cannot be read
     */
    @Override
    public Optional<Replacement> replacementOf(SerialNumber faulty) {
        Objects.requireNonNull(faulty, "faulty");
        return jdbc.queryOne("read the replacement of " + faulty, "SELECT " + COLUMNS
                + " FROM wk_replacement WHERE faulty_serial = ?", s -> s.setString(1, faulty.value()),
                JdbcReplacementStore::replacement);
    }

    /**
     * The swap the device came from.
     *
     * @param replacement the device
     * @return the swap in which it was the replacement; empty when it replaced nothing
     * @throws NullPointerException if {@code replacement} is null
     * @throws JdbcStoreException if the database fails, or the row was changed outside this library
     *                            and cannot be read
     */
    @Override
    public Optional<Replacement> replacing(SerialNumber replacement) {
        Objects.requireNonNull(replacement, "replacement");
        return jdbc.queryOne("read the device " + replacement + " replaced", "SELECT " + COLUMNS
                + " FROM wk_replacement WHERE replacement_serial = ?", s -> s.setString(1, replacement.value()),
                JdbcReplacementStore::replacement);
    }

    /**
     * Records the swap, its instant to the microsecond, unless its faulty device was replaced already,
     * its replacement replaced another already, or its replacement was itself replaced.
     *
     * @param replacement the swap
     * @return true if recorded; false (nothing written) otherwise, also when a concurrent swap of the
     *         same faulty device or onto the same replacement came first
     * @throws NullPointerException if {@code replacement} is null
     * @throws JdbcStoreException if the database fails
     */
    @Override
    public boolean record(Replacement replacement) {
        Objects.requireNonNull(replacement, "replacement");
        String faulty = replacement.faulty().value();
        String unit = replacement.replacement().value();
        // Refused before writing when either device is taken; a swap that commits between this read
        // and the insert is caught by the primary or the unique key.
        return jdbc.unlessTaken("record the replacement of " + faulty + " by " + unit, c -> {
            int taken = Jdbc.query(c, "SELECT COUNT(*) FROM wk_replacement "
                    + "WHERE faulty_serial = ? OR faulty_serial = ? OR replacement_serial = ?", s -> {
                        s.setString(1, faulty);
                        s.setString(2, unit);
                        s.setString(3, unit);
                    }, r -> r.getInt(1)).get(0);
            if (taken > 0) {
                return false;
            }
            Jdbc.update(c, "INSERT INTO wk_replacement (" + COLUMNS + ") VALUES (?, ?, ?, ?)", s -> {
                s.setString(1, faulty);
                s.setString(2, unit);
                s.setObject(3, replacement.on());
                Jdbc.setInstant(s, 4, replacement.recordedAt());
            });
            return true;
        }, false);
    }

    /**
     * Deletes the swap if it is stored exactly so (its instant compared to the microsecond, as stored).
     *
     * @param replacement the swap as recorded
     * @return true if it was deleted; false (nothing changed) when no such swap is stored
     * @throws NullPointerException if {@code replacement} is null
     * @throws JdbcStoreException if the database fails
     */
    @Override
    public boolean withdraw(Replacement replacement) {
        Objects.requireNonNull(replacement, "replacement");
        return jdbc.transaction("withdraw the replacement of " + replacement.faulty() + " by "
                + replacement.replacement(), c -> Jdbc.update(c, "DELETE FROM wk_replacement WHERE faulty_serial = ? "
                + "AND replacement_serial = ? AND replaced_on = ? AND recorded_at = ?", s -> {
                    s.setString(1, replacement.faulty().value());
                    s.setString(2, replacement.replacement().value());
                    s.setObject(3, replacement.on());
                    Jdbc.setInstant(s, 4, replacement.recordedAt());
                }) == 1);
    }

    private static Replacement replacement(ResultSet row) throws SQLException {
        SerialNumber faulty = serial(row, "faulty_serial");
        SerialNumber replacement = serial(row, "replacement_serial");
        try {
            return new Replacement(faulty, replacement, Jdbc.getDate(row, "replaced_on"),
                    Jdbc.getInstant(row, "recorded_at"));
        } catch (InvalidValueException e) { // the two serial numbers the same: the check was dropped
            throw Jdbc.unreadable("a device swap", "replacement_serial", e);
        }
    }

    private static SerialNumber serial(ResultSet row, String column) throws SQLException {
        try {
            return new SerialNumber(row.getString(column));
        } catch (InvalidSerialNumberException e) {
            throw Jdbc.unreadable("a device swap", column, e);
        }
    }
}
