package org.warrantykit;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.warrantykit.spi.CodeAttemptLog;

/**
 * Brute-force brake for code redemption: at most {@code maxFailures} failed attempts per account
 * within a sliding {@code window} on the service clock. Every rejected code counts, whatever the
 * reason, except the LOCKED_OUT refusals themselves (they judge nothing, and counting them would keep
 * a locked account locked for as long as anyone keeps knocking).
 *
 * <p>Failures are kept in the {@link CodeAttemptLog}, which instances may share. Attempts in flight
 * on this instance count as potential failures, so parallel requests cannot slip more than
 * {@code maxFailures} guesses past the brake before the first failures are recorded; an account's
 * admission and the recording of its outcome are serialized here (per lock stripe), so a count read
 * from the log is never one failure behind what this instance knows.
 */
final class AttemptLimiter {
    private static final Logger LOG = LoggerFactory.getLogger(AttemptLimiter.class);
    static final int DEFAULT_MAX_FAILURES = 5;
    static final Duration DEFAULT_WINDOW = Duration.ofMinutes(15);
    private static final int STRIPES = 64;

    private final int maxFailures;
    private final Duration window;
    private final Clock clock;
    private final CodeAttemptLog log;
    private final ConcurrentMap<AccountId, Integer> inFlight = new ConcurrentHashMap<>();
    private final ReentrantLock[] stripes = new ReentrantLock[STRIPES];

    AttemptLimiter(int maxFailures, Duration window, Clock clock, CodeAttemptLog log) {
        if (maxFailures < 1) {
            throw new ConfigurationException("codeLockout(...) needs at least 1 allowed failure, was " + maxFailures);
        }
        if (window == null || window.isNegative() || window.isZero()) {
            throw new ConfigurationException("codeLockout(...) needs a positive window, was " + window);
        }
        this.maxFailures = maxFailures;
        this.window = window;
        this.clock = clock;
        this.log = log;
        for (int i = 0; i < STRIPES; i++) {
            stripes[i] = new ReentrantLock();
        }
    }

    /** One admitted attempt; report its outcome exactly once. */
    final class Permit {
        private final AccountId account;
        private boolean done;

        private Permit(AccountId account) {
            this.account = account;
        }

        /** The attempt was rejected: it counts toward the lockout. */
        void failed() {
            finish(true);
        }

        /** The attempt succeeded, or failed for a reason that is not about the code (e.g. a store error). */
        void release() {
            finish(false);
        }

        private void finish(boolean failed) {
            if (done) {
                return;
            }
            done = true;
            ReentrantLock lock = stripeOf(account);
            lock.lock();
            try {
                if (failed) {
                    Instant now = clock.instant();
                    try {
                        log.recordFailure(account, now, now.minus(window));
                    } catch (RuntimeException e) {
                        // The owner still hears why the code was refused; the lost count is the operator's to see.
                        LOG.error("could not record a failed code attempt of account {}; it does not count toward "
                                + "the lockout", account, e);
                    }
                }
                inFlight.computeIfPresent(account, (key, running) -> running == 1 ? null : running - 1);
            } finally {
                lock.unlock();
            }
        }
    }

    /**
     * Admits an attempt, or refuses it with LOCKED_OUT when the account's recent failures plus its
     * attempts in flight reach the limit. A log that cannot be read refuses nothing and admits
     * nothing: its error propagates.
     */
    Permit admit(AccountId account) {
        ReentrantLock lock = stripeOf(account);
        lock.lock();
        try {
            Instant now = clock.instant();
            List<Instant> failures = log.failuresAfter(account, now.minus(window));
            int running = inFlight.getOrDefault(account, 0);
            if (failures.size() >= maxFailures) {
                // the lock lifts when the oldest of the last maxFailures failures leaves the window
                Instant lockedUntil = failures.get(failures.size() - maxFailures).plus(window);
                throw new CodeRejectedException(CodeRejectedException.Reason.LOCKED_OUT, "Too many failed code "
                        + "attempts (" + maxFailures + " within " + describe(window) + "); codes can be entered again "
                        + "from " + lockedUntil + ".", lockedUntil);
            }
            if (failures.size() + running >= maxFailures) {
                throw new CodeRejectedException(CodeRejectedException.Reason.LOCKED_OUT, "Too many code attempts for "
                        + "this account are running at once; please try again in a moment.", now);
            }
            inFlight.merge(account, 1, Integer::sum);
            return new Permit(account);
        } finally {
            lock.unlock();
        }
    }

    private ReentrantLock stripeOf(AccountId account) {
        return stripes[Math.floorMod(account.hashCode(), STRIPES)];
    }

    private static String describe(Duration window) {
        long minutes = window.toMinutes();
        return window.equals(Duration.ofMinutes(minutes)) ? minutes + (minutes == 1 ? " minute" : " minutes")
                : window.toString();
    }
}
