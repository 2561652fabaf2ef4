package org.warrantykit.memory;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.warrantykit.AccountId;
import org.warrantykit.spi.CodeAttemptLog;

/** Failed code attempts in a map; thread-safe, per instance, lost on restart. */
public final class InMemoryCodeAttemptLog implements CodeAttemptLog {
    /** Every this many failures, accounts that stopped failing are swept too, so the map stays small. */
    private static final int SWEEP_EVERY = 1024;

    private final ConcurrentMap<AccountId, Deque<Instant>> byAccount = new ConcurrentHashMap<>();
    private final AtomicLong recorded = new AtomicLong();

    @Override
    public void recordFailure(AccountId account, Instant at, Instant forgetBefore) {
        Objects.requireNonNull(account, "account");
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(forgetBefore, "forgetBefore");
        byAccount.compute(account, (key, failures) -> {
            Deque<Instant> kept = failures == null ? new ArrayDeque<>() : failures;
            kept.addLast(at);
            return forget(kept, forgetBefore);
        });
        if (recorded.incrementAndGet() % SWEEP_EVERY == 0) {
            for (AccountId other : byAccount.keySet()) {
                byAccount.computeIfPresent(other, (key, failures) -> forget(failures, forgetBefore));
            }
        }
    }

    @Override
    public List<Instant> failuresAfter(AccountId account, Instant after) {
        Objects.requireNonNull(after, "after");
        AtomicReference<List<Instant>> copy = new AtomicReference<>(List.of());
        byAccount.computeIfPresent(account, (key, failures) -> {
            copy.set(List.copyOf(failures)); // read inside compute: the deque is changed only there
            return failures;
        });
        return copy.get().stream().filter(at -> at.isAfter(after)).sorted().toList();
    }

    /** The failures after {@code forgetBefore}, or null (the map drops the account) when none is left. */
    private static Deque<Instant> forget(Deque<Instant> failures, Instant forgetBefore) {
        failures.removeIf(at -> !at.isAfter(forgetBefore));
        return failures.isEmpty() ? null : failures;
    }
}
