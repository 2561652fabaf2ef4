package org.warrantykit.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.lists;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;
import org.warrantykit.AccountId;
import org.warrantykit.spi.CodeAttemptLog;

/**
 * What every {@link CodeAttemptLog} must do, so that the lockout counts the same on any of them.
 * Run it on your own log by extending this class in a test and returning a log on an empty store
 * from {@link #log()}. Instants are whole seconds from {@link #T0} on, which any store keeps
 * exactly. It is a plain JUnit 5 test class. Each test gets a log of its own ({@code @AfterEach}
 * in your test can close what {@link #log()} opened); the tries of its property share it and use
 * accounts of their own.
 */
public abstract class CodeAttemptLogContract {
    /** The first instant the tests record failures at. */
    public static final Instant T0 = Instant.parse("2026-03-01T10:00:00Z");
    private static final AtomicInteger ACCOUNTS = new AtomicInteger();

    /** A log on an empty store; called before each test. */
    protected abstract CodeAttemptLog log();

    private CodeAttemptLog log;

    @BeforeEach
    final void openLog() {
        log = log();
    }

    private static AccountId freshAccount() {
        return AccountId.of("contract-" + ACCOUNTS.incrementAndGet());
    }

    /** {@code failuresAfter} returns the recorded failures oldest first, only those strictly after the given instant. */
    @Test
    public void failuresAreReadOldestFirstAndStrictlyAfterTheGivenInstant() {
        AccountId account = freshAccount();
        for (int second : new int[] {30, 10, 20, 0}) {
            log.recordFailure(account, T0.plusSeconds(second), Instant.EPOCH);
        }

        assertThat(log.failuresAfter(account, T0.minusSeconds(1)))
                .containsExactly(T0, T0.plusSeconds(10), T0.plusSeconds(20), T0.plusSeconds(30));
        assertThat(log.failuresAfter(account, T0.plusSeconds(10))).containsExactly(T0.plusSeconds(20), T0.plusSeconds(30));
        assertThat(log.failuresAfter(account, T0.plusSeconds(30))).isEmpty();
    }

    /** Two failures at the same instant count as two. */
    @Test
    public void twoFailuresAtTheSameInstantCountTwice() {
        AccountId account = freshAccount();
        log.recordFailure(account, T0, Instant.EPOCH);
        log.recordFailure(account, T0, Instant.EPOCH);

        assertThat(log.failuresAfter(account, Instant.EPOCH)).containsExactly(T0, T0);
    }

    /** One account's failures never count for another. */
    @Test
    public void accountsAreCountedApart() {
        AccountId alice = freshAccount();
        AccountId bob = freshAccount();
        log.recordFailure(alice, T0, Instant.EPOCH);

        assertThat(log.failuresAfter(bob, Instant.EPOCH)).isEmpty();
        assertThat(log.failuresAfter(alice, Instant.EPOCH)).containsExactly(T0);
    }

    /** Dropping failures at or before {@code forgetBefore} keeps every later one. */
    @Test
    public void forgettingOldFailuresKeepsEveryRecentOne() {
        AccountId account = freshAccount();
        AccountId other = freshAccount();
        log.recordFailure(other, T0.plusSeconds(101), Instant.EPOCH);
        log.recordFailure(account, T0, Instant.EPOCH);
        log.recordFailure(account, T0.plusSeconds(200), T0.plusSeconds(100));

        // what is at or before T0 + 100 s may be gone; what is after it must not be
        assertThat(log.failuresAfter(account, T0.plusSeconds(100))).containsExactly(T0.plusSeconds(200));
        assertThat(log.failuresAfter(other, T0.plusSeconds(100))).containsExactly(T0.plusSeconds(101));
    }

    /**
     * Failures recorded by many threads at once are all counted.
     *
     * @throws Exception if a recording thread fails or does not finish within 60 seconds
     */
    @Test
    public void failuresRecordedByManyThreadsAtOnceAreAllCounted() throws Exception {
        AccountId account = freshAccount();
        int threads = 8;
        int each = 25;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<?>> running = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int thread = t;
                running.add(pool.submit(() -> {
                    start.await();
                    for (int i = 0; i < each; i++) {
                        log.recordFailure(account, T0.plusSeconds(thread * each + i), Instant.EPOCH);
                    }
                    return null;
                }));
            }
            start.countDown();
            for (Future<?> done : running) {
                done.get(60, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }

        List<Instant> failures = log.failuresAfter(account, Instant.EPOCH);
        assertThat(failures).hasSize(threads * each).isSorted().doesNotHaveDuplicates();
    }

    /** The reading instant at or beside the failures' own instants, or anywhere in the hour. */
    @Test
    public void readingAfterAnInstantGivesExactlyTheLaterFailuresInOrder() {
        Gen<Integer> second = Generate.range(0, 3_600);
        Gen<List<Integer>> seconds = lists().of(second).ofSizeBetween(0, 12);
        qt().withExamples(50).forAll(seconds, second).checkAssert(this::readingAfterAnInstantGivesExactlyTheLaterFailuresInOrder);
        // the edges: nothing recorded, a failure exactly at the reading instant, one on either side, the hour's bounds
        readingAfterAnInstantGivesExactlyTheLaterFailuresInOrder(List.of(), 0);
        readingAfterAnInstantGivesExactlyTheLaterFailuresInOrder(List.of(5, 4, 6, 5), 5);
        readingAfterAnInstantGivesExactlyTheLaterFailuresInOrder(List.of(0, 3_600), 0);
        readingAfterAnInstantGivesExactlyTheLaterFailuresInOrder(List.of(0, 3_600), 3_600);
    }

    /**
     * The check of {@link #readingAfterAnInstantGivesExactlyTheLaterFailuresInOrder()} on one case.
     *
     * @param failedAt the failures to record, in seconds after a fixed instant, in any order
     * @param after    the reading instant, in seconds after the same instant
     */
    public void readingAfterAnInstantGivesExactlyTheLaterFailuresInOrder(List<Integer> failedAt, int after) {
        AccountId account = freshAccount();
        for (int second : failedAt) {
            log.recordFailure(account, T0.plusSeconds(second), Instant.EPOCH);
        }

        List<Instant> expected = failedAt.stream().filter(second -> second > after).sorted()
                .map(T0::plusSeconds).toList();
        assertThat(log.failuresAfter(account, T0.plusSeconds(after))).isEqualTo(expected);
    }
}
