package org.warrantykit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.longs;

import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.warrantykit.fixtures.FailurePointCheck;
import org.warrantykit.fixtures.FuzzWorld;

/**
 * Issue 16, finding 2, in memory ({@code Transactions.none()}, no rollback). A random sequence of
 * valid-looking calls, each with a failure armed at a random k-th call:
 * <ul>
 *   <li>of the rule set: every call it fails leaves every store as it was (decisions come before writes);</li>
 *   <li>of a store (failing before it writes): every call leaves every store as it was, a code claim
 *       given back included, except {@code confirmPayment} (failing after the order turned PAID),
 *       {@code deviceOnline} (after the online time is recorded) and {@code expireOverdueOrders} (after
 *       some orders expired): those leave a step that the same call, repeated, completes.</li>
 * </ul>
 */
class FailurePointPropertiesTest {
    static final Set<String> COMPLETABLE_IN_MEMORY = Set.of("confirmPayment", "deviceOnline", "expireOverdueOrders");

    @Test
    void aCallWhoseRuleSetFailsAtAnyPointLeavesEveryStoreAsItWas() {
        Map<String, Integer> fired = new TreeMap<>();
        qt().withExamples(40).forAll(longs().all()).checkAssert(seed -> {
            FuzzWorld world = FuzzWorld.inMemory();
            FailurePointCheck.run(world, world.policyFailures, 3, seed, 60, 80, Set.of())
                    .forEach((op, n) -> fired.merge(op, n, Integer::sum));
        });
        assertReached(fired);
    }

    @Test
    void aCallWhoseStoreFailsAtAnyPointLeavesEveryStoreAsItWasOrCompletesWhenRepeated() {
        Map<String, Integer> fired = new TreeMap<>();
        qt().withExamples(40).forAll(longs().all()).checkAssert(seed -> {
            FuzzWorld world = FuzzWorld.inMemory();
            FailurePointCheck.run(world, world.storeFailures(), 10, seed, 60, 80, COMPLETABLE_IN_MEMORY)
                    .forEach((op, n) -> fired.merge(op, n, Integer::sum));
        });
        assertReached(fired);
    }

    /** The failures reached the multi-step writes, so the property was tested where it matters. */
    static void assertReached(Map<String, Integer> fired) {
        System.out.println("failure points fired per operation: " + fired);
        assertThat(fired).containsKeys("confirmPayment", "redeem", "requestUpgrade", "purchase", "transferOwnership",
                "certificate", "deviceOnline");
    }
}
