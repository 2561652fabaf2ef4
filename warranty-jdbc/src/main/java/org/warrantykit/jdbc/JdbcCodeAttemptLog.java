package org.warrantykit.jdbc;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.warrantykit.AccountId;
import org.warrantykit.spi.CodeAttemptLog;

/**
 * Failed code attempts in {@code wk_code_failure}, one row each, so that every service instance on
 * the database shares the lockout. A failure is recorded in a transaction of its own, also inside
 * a unit of work, which the refusal will roll back. Old rows are deleted for all accounts after a failure is
 * recorded, at most once a minute (by the failures' instants) per log. Get one from
 * {@link JdbcWarrantyStores#codeAttempts}; thread-safe.
 */
public final class JdbcCodeAttemptLog implements CodeAttemptLog {
    private static final Logger LOG = LoggerFactory.getLogger(JdbcCodeAttemptLog.class);
    static final Duration FORGET_EVERY = Duration.ofMinutes(1);

    private final Jdbc jdbc;
    /** The instant of the failure after which old rows were last deleted; null before the first. */
    private final AtomicReference<Instant> lastForgotten = new AtomicReference<>();

    JdbcCodeAttemptLog(DataSource dataSource) {
        this.jdbc = new Jdbc(dataSource);
    }

    /**
     * Inserts the failure in a transaction of its own; then, at most once a minute, deletes every
     * account's failures at or before {@code forgetBefore} (a failure to delete is only logged).
     *
     * @param account the account that failed
     * @param at when it failed
     * @param forgetBefore failures at or before this instant no longer count
     * @throws NullPointerException if {@code account}, {@code at} or {@code forgetBefore} is null
     * @throws JdbcStoreException if the database fails
     */
    @Override
    public void recordFailure(AccountId account, Instant at, Instant forgetBefore) {
        Objects.requireNonNull(account, "account");
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(forgetBefore, "forgetBefore");
        // In a transaction of its own: a unit of work that the refusal rolls back must not take the count with it.
        jdbc.independentTransaction("record a failed code attempt of " + account, c -> Jdbc.update(c,
                "INSERT INTO wk_code_failure (account_id, failed_at) VALUES (?, ?)", s -> {
                    s.setString(1, account.value());
                    Jdbc.setInstant(s, 2, at);
                }));
        Instant last = lastForgotten.get();
        if ((last == null || !at.isBefore(last.plus(FORGET_EVERY))) && lastForgotten.compareAndSet(last, at)) {
            forget(forgetBefore);
        }
    }

    /** Housekeeping in a transaction of its own: a failure here must not undo or fail the recording. */
    private void forget(Instant forgetBefore) {
        try {
            int deleted = jdbc.independentTransaction("delete old failed code attempts", c -> Jdbc.update(c,
                    "DELETE FROM wk_code_failure WHERE failed_at <= ?", s -> Jdbc.setInstant(s, 1, forgetBefore)));
            LOG.debug("deleted {} failed code attempts at or before {}", deleted, forgetBefore);
        } catch (JdbcStoreException e) {
            LOG.warn("could not delete old failed code attempts; they no longer count and go with the next try", e);
        }
    }

    /**
     * The account's recorded failures strictly after {@code after}.
     *
     * @param account the account
     * @param after the start of the window, exclusive
     * @return the failures' instants, oldest first; empty when none
     * @throws NullPointerException if {@code account} or {@code after} is null
     * @throws JdbcStoreException if the database fails
     */
    @Override
    public List<Instant> failuresAfter(AccountId account, Instant after) {
        Objects.requireNonNull(account, "account");
        Objects.requireNonNull(after, "after");
        return jdbc.query("read failed code attempts of " + account, "SELECT failed_at FROM wk_code_failure "
                + "WHERE account_id = ? AND failed_at > ? ORDER BY failed_at", s -> {
                    s.setString(1, account.value());
                    Jdbc.setInstant(s, 2, after);
                }, r -> Jdbc.getInstant(r, "failed_at"));
    }
}
