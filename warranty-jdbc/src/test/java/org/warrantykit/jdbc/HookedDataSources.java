package org.warrantykit.jdbc;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.warrantykit.fixtures.FailurePoint;

/**
 * Data sources that stop at chosen statements, to replay an interleaving of two instances
 * deterministically, or that hand out connections with another isolation default.
 */
final class HookedDataSources {
    private HookedDataSources() {
    }

    /** After the first executed statement whose SQL contains {@code sql}, run {@code then}. */
    record Step(String sql, Runnable then) {
    }

    /**
     * The data source, running the steps in order: each step's action runs once, after the first
     * statement containing its SQL that executes once the step before has run.
     */
    static DataSource script(DataSource target, List<Step> steps) {
        AtomicInteger next = new AtomicInteger();
        return around(target, (sql, statement) -> {
            int at = next.get();
            if (at < steps.size() && sql.contains(steps.get(at).sql()) && next.compareAndSet(at, at + 1)) {
                steps.get(at).then().run();
            }
        });
    }

    /** The data source, its connections set to {@code isolation} as a pool's default would. */
    static DataSource withDefaultIsolation(DataSource target, int isolation) {
        return wrappingConnections(target, connection -> {
            connection.setTransactionIsolation(isolation);
            return connection;
        });
    }

    /**
     * The data source, its connections failing every {@code close()} after really closing (as a
     * connection whose socket dropped does); {@code closes} counts the calls.
     */
    static DataSource failingClose(DataSource target, AtomicInteger closes) {
        return wrappingConnections(target, connection -> proxy(Connection.class, (c, m, a) -> {
            Object done = invoke(m, connection, a);
            if (m.getName().equals("close")) {
                closes.incrementAndGet();
                throw new SQLException("I/O error while closing: connection reset", "08006");
            }
            return done;
        }));
    }

    /**
     * The data source, its connections failing every {@code rollback} (to a savepoint too) without
     * rolling back, as a connection whose socket dropped mid-transaction does.
     */
    static DataSource failingRollback(DataSource target) {
        return wrappingConnections(target, connection -> proxy(Connection.class, (c, m, a) -> {
            if (m.getName().equals("rollback")) {
                throw new SQLException("I/O error during rollback: connection reset", "08006");
            }
            return invoke(m, connection, a);
        }));
    }

    /** The data source, its connections failing to turn auto-commit back on (the store's restore step). */
    static DataSource failingAutoCommitOn(DataSource target) {
        return wrappingConnections(target, connection -> proxy(Connection.class, (c, m, a) -> {
            if (m.getName().equals("setAutoCommit") && Boolean.TRUE.equals(a[0])) {
                throw new SQLException("I/O error: connection reset", "08006");
            }
            return invoke(m, connection, a);
        }));
    }

    /**
     * The data source, every statement it executes counted by {@code point} (named by its first
     * words, e.g. {@code INSERT INTO wk_order}); the armed one fails before it runs, as a statement
     * on a dropped connection does (SQL state 08006, not one a transaction retries).
     */
    static DataSource failingAt(DataSource target, FailurePoint point) {
        return aroundExecute(target, sql -> {
            if (point.hit(firstWords(sql))) {
                throw new SQLException("injected: I/O error, connection reset", "08006");
            }
        }, (sql, statement) -> { });
    }

    private static String firstWords(String sql) {
        String[] words = sql.strip().split("\\s+");
        return String.join(" ", java.util.Arrays.copyOf(words, Math.min(3, words.length)));
    }

    /** The data source, counting in {@code taken} the connections it hands out. */
    static DataSource counting(DataSource target, AtomicInteger taken) {
        return wrappingConnections(target, connection -> {
            taken.incrementAndGet();
            return connection;
        });
    }

    /** Waits for {@code latch} at most {@code millis}, then goes on either way (a step that may never come). */
    static void awaitAtMost(java.util.concurrent.CountDownLatch latch, long millis) {
        try {
            latch.await(millis, java.util.concurrent.TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private interface BeforeExecute {
        void executing(String sql) throws SQLException;
    }

    private interface AfterExecute {
        void executed(String sql, PreparedStatement statement);
    }

    private static DataSource around(DataSource target, AfterExecute after) {
        return aroundExecute(target, sql -> { }, after);
    }

    /** Every prepared statement's execution passed through {@code before} and {@code after}. */
    private static DataSource aroundExecute(DataSource target, BeforeExecute before, AfterExecute after) {
        return wrappingConnections(target, connection -> proxy(Connection.class, (c, m, a) -> {
            Object made = invoke(m, connection, a);
            if (!m.getName().equals("prepareStatement")) {
                return made;
            }
            String sql = (String) a[0];
            PreparedStatement statement = (PreparedStatement) made;
            return proxy(PreparedStatement.class, (st, sm, sa) -> {
                boolean executes = sm.getName().startsWith("execute");
                if (executes) {
                    before.executing(sql);
                }
                Object done = invoke(sm, statement, sa);
                if (executes) {
                    after.executed(sql, statement);
                }
                return done;
            });
        }));
    }

    private interface ConnectionWrapper {
        Connection wrap(Connection connection) throws SQLException;
    }

    /** The data source, every connection it hands out passed through {@code wrapper}. */
    private static DataSource wrappingConnections(DataSource target, ConnectionWrapper wrapper) {
        return proxy(DataSource.class, (proxy, method, args) -> {
            Object result = invoke(method, target, args);
            return method.getName().equals("getConnection") ? wrapper.wrap((Connection) result) : result;
        });
    }

    private static <T> T proxy(Class<T> type, java.lang.reflect.InvocationHandler handler) {
        return type.cast(Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, handler));
    }

    private static Object invoke(Method method, Object target, Object[] args) throws Throwable {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }
}
