package org.warrantykit;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * Brute-force brake for code redemption: at most {@code maxFailures} failed attempts per account
 * within a sliding {@code window} on the service clock. Every rejected code counts, whatever the
 * reason, except the LOCKED_OUT refusals themselves (they judge nothing, and counting them would keep
 * a locked account locked for as long as anyone keeps knocking).
 *
 * <p>Attempts in flight count as potential failures, so parallel requests cannot slip more than
 * {@code maxFailures} guesses past the brake before the first failures are recorded.
 */
final class AttemptLimiter {
    static final int DEFAULT_MAX_FAILURES = 5;
    static final Duration DEFAULT_WINDOW = Duration.ofMinutes(15);

    private final int maxFailures;
    private final Duration window;
    private final Clock clock;
    private final ConcurrentMap<AccountId, Attempts> byAccount = new ConcurrentHashMap<>();

    /** Recent failures (oldest first) and attempts running now; changed only inside {@code compute}. */
    private static final class Attempts {
        final Deque<Instant> failures = new ArrayDeque<>();
        int inFlight;

        boolean idle() {
            return failures.isEmpty() && inFlight == 0;
        }
    }

    AttemptLimiter(int maxFailures, Duration window, Clock clock) {
        if (maxFailures < 1) {
            throw new ConfigurationException("codeLockout(...) needs at least 1 allowed failure, was " + maxFailures);
        }
        if (window == null || window.isNegative() || window.isZero()) {
            throw new ConfigurationException("codeLockout(...) needs a positive window, was " + window);
        }
        this.maxFailures = maxFailures;
        this.window = window;
        this.clock = clock;
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
            Instant now = clock.instant();
            byAccount.compute(account, (key, attempts) -> {
                if (attempts == null) {
                    return null;
                }
                attempts.inFlight--;
                if (failed) {
                    attempts.failures.addLast(now);
                }
                prune(attempts, now);
                return attempts.idle() ? null : attempts;
            });
        }
    }

    /**
     * Admits an attempt, or refuses it with LOCKED_OUT when the account's recent failures plus its
     * attempts in flight reach the limit.
     */
    Permit admit(AccountId account) {
        Instant now = clock.instant();
        Instant[] lockedUntil = {null};
        boolean[] admitted = {false};
        byAccount.compute(account, (key, attempts) -> {
            Attempts current = attempts == null ? new Attempts() : attempts;
            prune(current, now);
            if (current.failures.size() + current.inFlight >= maxFailures) {
                if (current.failures.size() >= maxFailures) {
                    // the lock lifts when the oldest of the last maxFailures failures leaves the window
                    lockedUntil[0] = current.failures.stream().skip(current.failures.size() - maxFailures)
                            .findFirst().orElseThrow().plus(window);
                }
                return current.idle() ? null : current;
            }
            current.inFlight++;
            admitted[0] = true;
            return current;
        });
        if (!admitted[0]) {
            if (lockedUntil[0] != null) {
                throw new CodeRejectedException(CodeRejectedException.Reason.LOCKED_OUT, "Too many failed code "
                        + "attempts (" + maxFailures + " within " + describe(window) + "); codes can be entered again "
                        + "from " + lockedUntil[0] + ".", lockedUntil[0]);
            }
            throw new CodeRejectedException(CodeRejectedException.Reason.LOCKED_OUT, "Too many code attempts for "
                    + "this account are running at once; please try again in a moment.", now);
        }
        return new Permit(account);
    }

    private void prune(Attempts attempts, Instant now) {
        Instant oldestCounted = now.minus(window);
        while (!attempts.failures.isEmpty() && !attempts.failures.peekFirst().isAfter(oldestCounted)) {
            attempts.failures.removeFirst();
        }
    }

    private static String describe(Duration window) {
        long minutes = window.toMinutes();
        return window.equals(Duration.ofMinutes(minutes)) ? minutes + (minutes == 1 ? " minute" : " minutes")
                : window.toString();
    }
}
