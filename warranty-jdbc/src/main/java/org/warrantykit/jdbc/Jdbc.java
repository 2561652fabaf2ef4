package org.warrantykit.jdbc;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.warrantykit.Covered;
import org.warrantykit.InvalidValueException;

/**
 * Plain-JDBC plumbing shared by the stores: one transaction per operation, portable types.
 *
 * <p>When a {@link JdbcTransactions} unit of work on the same {@link DataSource} is running on the
 * current thread, each store operation instead runs on that unit's connection, inside a savepoint:
 * its writes commit or roll back with the whole unit, and a store operation that fails (a lost race
 * on a key, a stale count) is undone alone, leaving the unit's transaction usable (PostgreSQL aborts
 * a transaction on any error unless it is rolled back to a savepoint).
 */
final class Jdbc {
    private static final Logger LOG = LoggerFactory.getLogger(Jdbc.class);
    /** SQLSTATE of a unique or primary-key violation (H2 and PostgreSQL alike). */
    static final String UNIQUE_VIOLATION = "23505";
    /**
     * SQLSTATEs after which a whole transaction can simply run again: serialization failure (and H2's
     * deadlock), PostgreSQL's deadlock, H2's lock timeout and concurrent update.
     */
    private static final Set<String> TRANSIENT = Set.of("40001", "40P01", "HYT00", "90131");

    /** The connection of the unit of work running on this thread, per data source (usually none). */
    private static final ThreadLocal<Map<DataSource, Connection>> BOUND =
            ThreadLocal.withInitial(IdentityHashMap::new);

    private final DataSource dataSource;

    Jdbc(DataSource dataSource) {
        this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
    }

    @FunctionalInterface
    interface Work<T> {
        T run(Connection connection) throws SQLException;
    }

    /** Work with nothing to return: inserts whose only answer is whether their key was free. */
    @FunctionalInterface
    interface VoidWork {
        void run(Connection connection) throws SQLException;
    }

    @FunctionalInterface
    interface Binder {
        void bind(PreparedStatement statement) throws SQLException;
    }

    @FunctionalInterface
    interface RowMapper<T> {
        T map(ResultSet row) throws SQLException;
    }

    static Connection bound(DataSource dataSource) {
        return BOUND.get().get(dataSource);
    }

    static void bind(DataSource dataSource, Connection connection) {
        BOUND.get().put(dataSource, connection);
    }

    static void unbind(DataSource dataSource) {
        Map<DataSource, Connection> bound = BOUND.get();
        bound.remove(dataSource);
        if (bound.isEmpty()) {
            BOUND.remove();
        }
    }

    /**
     * Runs {@code work} in one transaction: commits when it returns, rolls back when it throws. Inside
     * a unit of work on this thread: runs in a savepoint of the unit's transaction instead, rolled back
     * to when it throws; the unit commits.
     */
    <T> T transaction(String what, Work<T> work) {
        return transaction(what, work, Optional.empty());
    }

    /**
     * Runs {@code work} like {@link #transaction} and returns its result; when one of its statements
     * hits a unique or primary-key constraint (another writer got there first), undoes its writes and
     * returns {@code whenTaken} instead. A work that finds a condition already taken (a count moved
     * on, an owner changed) returns its own refusal before it writes anything, so nothing needs undoing.
     */
    <T> T unlessTaken(String what, Work<T> work, T whenTaken) {
        return transaction(what, work, Optional.of(whenTaken));
    }

    /**
     * Runs {@code work} in one transaction and returns true; returns false (and writes nothing)
     * when it hits a unique or primary-key constraint, i.e. another writer got there first.
     */
    boolean insertUnlessTaken(String what, VoidWork work) {
        return unlessTaken(what, c -> {
            work.run(c);
            return true;
        }, false);
    }

    private <T> T transaction(String what, Work<T> work, Optional<T> whenKeyTaken) {
        Connection bound = bound(dataSource);
        if (bound != null) {
            return inSavepoint(bound, what, work, whenKeyTaken);
        }
        return committed(dataSource, what, work, whenKeyTaken);
    }

    /**
     * Runs {@code work} in a transaction of its own, also when a unit of work is running on this
     * thread: for writes that must stand when the unit rolls back.
     */
    <T> T independentTransaction(String what, Work<T> work) {
        return committed(dataSource, what, work);
    }

    /**
     * Runs {@code work} in a transaction of its own on a connection from {@code dataSource}: commits
     * when it returns, rolls back when it throws, and gives the connection back either way.
     */
    static <T> T committed(DataSource dataSource, String what, Work<T> work) {
        return committed(dataSource, what, work, Optional.empty());
    }

    private static <T> T committed(DataSource dataSource, String what, Work<T> work, Optional<T> whenKeyTaken) {
        Connection connection;
        try {
            connection = dataSource.getConnection();
        } catch (SQLException e) {
            throw failure(what, e);
        }
        T result;
        try {
            Settings before = begin(connection);
            // Whether the transaction ended (committed or rolled back), so the settings can go back:
            // turning auto-commit on in a transaction whose rollback failed would commit what it left.
            boolean ended = false;
            try {
                result = work.run(connection);
                connection.commit();
                ended = true;
            } catch (SQLException e) {
                ended = rollbackQuietly(connection, e);
                // A taken key is an answer only once the work's writes are undone; when the rollback
                // failed they may stand, so the caller gets the violation with the rollback's failure.
                if (!ended || whenKeyTaken.isEmpty() || !isUniqueViolation(e)) {
                    throw e;
                }
                result = whenKeyTaken.get();
            } catch (RuntimeException | Error e) {
                ended = rollbackQuietly(connection, e);
                throw e;
            } finally {
                if (ended) {
                    restore(connection, before, what);
                }
            }
        } catch (SQLException e) {
            closeQuietly(connection, e);
            throw failure(what, e);
        } catch (RuntimeException | Error e) {
            closeQuietly(connection, e);
            throw e;
        }
        // The work is committed: a connection that fails to close now cannot undo it, so reporting a
        // failure would make the caller retry (or compensate for) something that happened.
        try {
            connection.close();
        } catch (SQLException e) {
            LOG.warn("a connection failed to close after the transaction to {} committed; the work stands", what, e);
        }
        return result;
    }

    private static void closeQuietly(Connection connection, Throwable cause) {
        try {
            connection.close();
        } catch (SQLException e) {
            cause.addSuppressed(e);
        }
    }

    <T> List<T> query(String what, String sql, Binder binder, RowMapper<T> mapper) {
        Connection bound = bound(dataSource);
        if (bound != null) { // a read needs no savepoint: if it fails, the unit of work fails
            try {
                return query(bound, sql, binder, mapper);
            } catch (SQLException e) {
                throw failure(what, e);
            }
        }
        return transaction(what, c -> query(c, sql, binder, mapper));
    }

    private static <T> T inSavepoint(Connection connection, String what, Work<T> work, Optional<T> whenKeyTaken) {
        try {
            Savepoint savepoint = connection.setSavepoint();
            try {
                T result = work.run(connection);
                connection.releaseSavepoint(savepoint);
                return result;
            } catch (SQLException e) {
                if (!rollbackQuietly(connection, savepoint, e) || whenKeyTaken.isEmpty() || !isUniqueViolation(e)) {
                    throw e;
                }
                return whenKeyTaken.get();
            } catch (RuntimeException | Error e) {
                rollbackQuietly(connection, savepoint, e);
                throw e;
            }
        } catch (SQLException e) {
            throw failure(what, e);
        }
    }

    /** Rolls back to {@code savepoint}; false, with the failure suppressed on {@code cause}, when that fails. */
    private static boolean rollbackQuietly(Connection connection, Savepoint savepoint, Throwable cause) {
        try {
            connection.rollback(savepoint);
            return true;
        } catch (SQLException e) {
            cause.addSuppressed(e);
            return false;
        }
    }

    <T> Optional<T> queryOne(String what, String sql, Binder binder, RowMapper<T> mapper) {
        List<T> rows = query(what, sql, binder, mapper);
        return rows.isEmpty() ? Optional.empty() : Optional.of(rows.get(0));
    }

    static <T> List<T> query(Connection c, String sql, Binder binder, RowMapper<T> mapper) throws SQLException {
        try (PreparedStatement statement = c.prepareStatement(sql)) {
            binder.bind(statement);
            try (ResultSet rows = statement.executeQuery()) {
                List<T> result = new ArrayList<>();
                while (rows.next()) {
                    result.add(mapper.map(rows));
                }
                return result;
            }
        }
    }

    static int update(Connection c, String sql, Binder binder) throws SQLException {
        try (PreparedStatement statement = c.prepareStatement(sql)) {
            binder.bind(statement);
            return statement.executeUpdate();
        }
    }

    /** Whether {@code e} comes from a deadlock, lock timeout or serialization failure: worth a new try. */
    static boolean isTransient(Throwable e) {
        return hasSqlState(e, TRANSIENT::contains);
    }

    static boolean isUniqueViolation(Throwable e) {
        return hasSqlState(e, UNIQUE_VIOLATION::equals);
    }

    /**
     * Whether any SQL state in {@code e}'s causes, or in the next-exceptions of an SQLException among
     * them, matches: drivers report the telling state at any depth (a batch's on the next exception).
     */
    static boolean hasSqlState(Throwable e, Predicate<String> matches) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql) {
                for (SQLException s = sql; s != null; s = s.getNextException()) {
                    if (s.getSQLState() != null && matches.test(s.getSQLState())) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    /**
     * The error a caller sees: what could not be done and what to do about it. The driver's message,
     * which often quotes the SQL, stays in the cause (and in the log of whoever logs it).
     */
    static JdbcStoreException failure(String what, SQLException e) {
        String advice;
        if (hasSqlState(e, state -> state.startsWith("08"))) {
            advice = "the database cannot be reached; check that it is up and the data source's settings, then repeat "
                    + "the call";
        } else if (isTransient(e)) {
            advice = "it conflicted with concurrent operations; repeat the call";
        } else if (hasSqlState(e, state -> state.startsWith("42"))) {
            advice = "the database refused a statement; check that the schema is migrated "
                    + "(JdbcWarrantyStores.migrate) and that the user may read and write the wk_* tables";
        } else {
            advice = "the database reported an error (see the cause)";
        }
        return new JdbcStoreException("warranty store could not " + what + ": " + advice, e);
    }

    /** Instants are kept to the microsecond (what both databases store); the rest is cut, not rounded. */
    static Instant stored(Instant instant) {
        return instant.truncatedTo(ChronoUnit.MICROS);
    }

    static void setInstant(PreparedStatement s, int index, Instant instant) throws SQLException {
        if (instant == null) {
            s.setObject(index, null, Types.TIMESTAMP_WITH_TIMEZONE);
        } else {
            s.setObject(index, OffsetDateTime.ofInstant(stored(instant), ZoneOffset.UTC));
        }
    }

    static Instant getInstant(ResultSet row, String column) throws SQLException {
        OffsetDateTime value = row.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    static LocalDate getDate(ResultSet row, String column) throws SQLException {
        return row.getObject(column, LocalDate.class);
    }

    /** A list of names (the fired rules) as one text column: a JSON array of strings. */
    static void setNames(PreparedStatement s, int index, List<String> names) throws SQLException {
        s.setString(index, JsonStringArray.write(names));
    }

    static List<String> getNames(ResultSet row, String column) throws SQLException {
        String json = row.getString(column);
        try {
            return JsonStringArray.read(json);
        } catch (IllegalArgumentException e) {
            throw unreadable("a list of fired rules", column, e);
        }
    }

    /**
     * A stored value this library did not write and cannot read: the message says what, the cause
     * which column and why (for the log, not for the person who sees the message).
     */
    static JdbcStoreException unreadable(String what, String column, RuntimeException e) {
        return new JdbcStoreException("warranty store holds " + what + " it cannot read; the row was changed "
                + "outside this library", new IllegalArgumentException(column + ": " + e.getMessage(), e));
    }

    /**
     * A scope as one text column, in {@link Covered#format} form; an empty scope (an order line placed
     * before scopes were recorded) as NULL.
     */
    static void setCovers(PreparedStatement s, int index, Set<Covered> scope) throws SQLException {
        if (scope.isEmpty()) {
            s.setNull(index, Types.VARCHAR);
        } else {
            s.setString(index, Covered.format(scope));
        }
    }

    /**
     * The scope in a covers column; empty when the column is NULL (the row was written before scopes
     * were recorded). Only the form this library writes is read: anything else was written by someone
     * else and could mean another scope.
     */
    static Optional<Set<Covered>> getCovers(ResultSet row, String column) throws SQLException {
        String text = row.getString(column);
        if (text == null) {
            return Optional.empty();
        }
        try {
            Set<Covered> scope = Covered.parse(text);
            if (!Covered.format(scope).equals(text)) {
                throw new IllegalArgumentException("\"" + text + "\" is not in the stored form \""
                        + Covered.format(scope) + "\"");
            }
            return Optional.of(scope);
        } catch (IllegalArgumentException | InvalidValueException e) {
            throw unreadable("a coverage scope", column, e);
        }
    }

    /** Rolls back; false, with the failure suppressed on {@code cause}, when that fails. */
    static boolean rollbackQuietly(Connection connection, Throwable cause) {
        try {
            connection.rollback();
            return true;
        } catch (SQLException e) {
            cause.addSuppressed(e);
            return false;
        }
    }

    /** What {@link #begin} changed on a (pooled) connection, put back by {@link #restore}. */
    record Settings(boolean autoCommit, int isolation) {
    }

    /**
     * Starts a transaction: auto-commit off, READ COMMITTED whatever the pool's default. The stores
     * settle races by re-reading after a conditional update or a key violation, which must see what
     * other instances committed meanwhile; under REPEATABLE READ or SERIALIZABLE snapshots they would
     * not (a re-read keeps missing the row that violated the key).
     */
    static Settings begin(Connection connection) throws SQLException {
        Settings before = new Settings(connection.getAutoCommit(), connection.getTransactionIsolation());
        if (before.isolation() != Connection.TRANSACTION_READ_COMMITTED) {
            connection.setTransactionIsolation(Connection.TRANSACTION_READ_COMMITTED);
        }
        connection.setAutoCommit(false);
        return before;
    }

    /**
     * Puts back what {@link #begin} changed. A failure is only logged: the transaction has ended and
     * the connection is closed next, but its pool may hand it out again with our settings.
     */
    static void restore(Connection connection, Settings before, String what) {
        try {
            connection.setAutoCommit(before.autoCommit());
            if (before.isolation() != Connection.TRANSACTION_READ_COMMITTED) {
                connection.setTransactionIsolation(before.isolation());
            }
        } catch (SQLException e) {
            LOG.warn("could not restore auto-commit {} and isolation level {} on a connection after the transaction "
                    + "to {}; the connection is given back with the store's settings", before.autoCommit(),
                    before.isolation(), what, e);
        }
    }
}
