package org.warrantykit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.booleans;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;
import static org.warrantykit.fixtures.Fixtures.ALICE;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.quicktheories.api.Pair;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;
import org.warrantykit.fixtures.MutableClock;
import org.warrantykit.fixtures.TestPolicy;
import org.warrantykit.memory.InMemoryCodeAttemptLog;
import org.warrantykit.memory.InMemoryDeviceRegistry;
import org.warrantykit.memory.InMemoryStores;

/**
 * The lockout against guessing, checked against a plain model over random timings: a failed
 * attempt is admitted exactly when fewer than the limit of the account's failures lie in the
 * window before it, whichever of two instances sharing one attempt log it reaches.
 */
class LockoutProperties {
    static final int MAX_FAILURES = 3;
    static final Duration WINDOW = Duration.ofMinutes(10);

    static Gen<List<Integer>> gapsInSeconds() {
        // mostly quick retries, now and then a pause longer than the window
        Gen<Integer> gap = Generate.frequency(Pair.of(6, integers().between(0, 120)), Pair.of(1, integers().between(300, 900)));
        return lists().of(gap).ofSizeBetween(1, 25);
    }

    @Test
    void aGuessIsAdmittedExactlyWhenFewerThanTheLimitFailedWithinTheWindow() {
        qt().withExamples(100).forAll(gapsInSeconds(), lists().of(booleans().all()).ofSizeBetween(0, 25))
                .checkAssert(this::aGuessIsAdmittedExactlyWhenFewerThanTheLimitFailedWithinTheWindow);
    }

    /** Retries with no pause, a pause of exactly the window, and one second short of it, on either instance. */
    @Test
    void aGuessIsAdmittedExactlyWhenFewerThanTheLimitFailedWithinTheWindowOnEdgeCases() {
        int window = (int) WINDOW.toSeconds();
        List<List<Integer>> gapLists = List.of(List.of(0), List.of(0, 0, 0, 0, 0), List.of(0, 0, 0, window, 0),
                List.of(0, 0, 0, window - 1, 1), List.of(0, 0, 0, 0, window, 0, 0), List.of(window, window, window, window));
        for (List<Integer> gaps : gapLists) {
            for (List<Boolean> instances : List.of(List.<Boolean>of(), List.of(true, false, true, false, true, false, true))) {
                aGuessIsAdmittedExactlyWhenFewerThanTheLimitFailedWithinTheWindow(gaps, instances);
            }
        }
    }

    void aGuessIsAdmittedExactlyWhenFewerThanTheLimitFailedWithinTheWindow(List<Integer> gaps,
                                                                           List<Boolean> onSecondInstance) {
        MutableClock clock = new MutableClock("2026-11-27T10:00:00Z");
        InMemoryCodeAttemptLog shared = new InMemoryCodeAttemptLog();
        List<WarrantyService> instances = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            instances.add(InMemoryStores.configure(WarrantyService.builder()).rules(new TestPolicy())
                    .devices(InMemoryDeviceRegistry.of(List.of(RedemptionPropertiesTest.DE))).clock(clock)
                    .codeLockout(MAX_FAILURES, WINDOW).codeAttemptLog(shared).build());
        }
        List<Instant> counted = new ArrayList<>();

        for (int i = 0; i < gaps.size(); i++) {
            clock.advance(Duration.ofSeconds(gaps.get(i)));
            Instant now = clock.instant();
            long recent = counted.stream().filter(at -> at.isAfter(now.minus(WINDOW))).count();
            WarrantyService instance = instances.get(i < onSecondInstance.size() && onSecondInstance.get(i) ? 1 : 0);

            CodeRejectedException refused = catchThrowableOfType(
                    CodeRejectedException.class, () -> instance.redeem(ALICE, "ALICEDE0001", "X"));

            if (recent < MAX_FAILURES) {
                assertThat(refused.reason()).as("attempt %d with %d recent failures", i, recent)
                        .isEqualTo(CodeRejectedException.Reason.MALFORMED);
                counted.add(now);
            } else {
                assertThat(refused.reason()).as("attempt %d with %d recent failures", i, recent)
                        .isEqualTo(CodeRejectedException.Reason.LOCKED_OUT);
                Instant oldestOfTheLast = counted.get(counted.size() - MAX_FAILURES);
                assertThat(refused.retryAfter()).contains(oldestOfTheLast.plus(WINDOW));
            }
        }
    }
}
