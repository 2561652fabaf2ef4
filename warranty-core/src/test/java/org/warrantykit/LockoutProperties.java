package org.warrantykit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.warrantykit.memory.InMemoryCodeAttemptLog;
import org.warrantykit.memory.InMemoryDeviceRegistry;

/**
 * The lockout against guessing, checked against a plain model over random timings: a failed
 * attempt is admitted exactly when fewer than the limit of the account's failures lie in the
 * window before it, whichever of two instances sharing one attempt log it reaches.
 */
class LockoutProperties {
    static final int MAX_FAILURES = 3;
    static final Duration WINDOW = Duration.ofMinutes(10);

    @Provide
    Arbitrary<List<Integer>> gapsInSeconds() {
        // mostly quick retries, now and then a pause longer than the window
        return Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(6, Arbitraries.integers().between(0, 120)),
                net.jqwik.api.Tuple.of(1, Arbitraries.integers().between(300, 900))).list().ofMinSize(1).ofMaxSize(25);
    }

    @Property(tries = 100)
    void aGuessIsAdmittedExactlyWhenFewerThanTheLimitFailedWithinTheWindow(
            @ForAll("gapsInSeconds") List<Integer> gaps, @ForAll List<Boolean> onSecondInstance) {
        MutableClock clock = new MutableClock("2026-11-27T10:00:00Z");
        InMemoryCodeAttemptLog shared = new InMemoryCodeAttemptLog();
        List<WarrantyService> instances = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            instances.add(WarrantyService.builder().rules(new CodeTestPolicy())
                    .devices(InMemoryDeviceRegistry.of(List.of(RedemptionPropertiesTest.DE))).clock(clock)
                    .codeLockout(MAX_FAILURES, WINDOW).codeAttemptLog(shared).build());
        }
        List<Instant> counted = new ArrayList<>();

        for (int i = 0; i < gaps.size(); i++) {
            clock.advance(Duration.ofSeconds(gaps.get(i)));
            Instant now = clock.instant();
            long recent = counted.stream().filter(at -> at.isAfter(now.minus(WINDOW))).count();
            WarrantyService instance = instances.get(i < onSecondInstance.size() && onSecondInstance.get(i) ? 1 : 0);

            CodeRejectedException refused = org.assertj.core.api.Assertions.catchThrowableOfType(
                    CodeRejectedException.class, () -> instance.redeem(CodeFixture.ALICE, "ALICEDE0001", "X"));

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
