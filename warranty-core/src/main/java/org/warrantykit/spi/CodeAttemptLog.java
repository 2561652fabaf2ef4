package org.warrantykit.spi;

import java.time.Instant;
import java.util.List;
import org.warrantykit.AccountId;

/**
 * Failed code attempts per account, which the lockout against guessing codes counts. Service
 * instances that share one log share the lockout: failures on one instance lock the account out on
 * all of them. The default keeps the log in memory, so each instance counts on its own.
 */
public interface CodeAttemptLog {

    /**
     * Records a failed attempt by {@code account} at {@code at}. Failures at or before
     * {@code forgetBefore} no longer count for any account; the log may drop them now.
     *
     * @param account      the account that entered a wrong code
     * @param at           when the attempt failed
     * @param forgetBefore failures at or before this instant may be dropped, for every account
     */
    void recordFailure(AccountId account, Instant at, Instant forgetBefore);

    /**
     * The account's recorded failures strictly after {@code after}, oldest first.
     *
     * @param account the account
     * @param after   the exclusive lower bound (the start of the lockout window)
     * @return the failure instants, oldest first; empty when there are none
     */
    List<Instant> failuresAfter(AccountId account, Instant after);
}
