package org.warrantykit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.warrantykit.fixtures.FuzzWorld;
import org.warrantykit.fixtures.ServiceFuzz;

/**
 * Issue 16, "keep it found": a few thousand random calls of every public operation on in-memory
 * stores, hostile arguments mixed with valid ones (fixed seed). Fails on any throwable that is not a
 * WarrantyException, a null result, a call slower than 2 s, and a refused (or read-only) call that
 * changed a store.
 */
class InMemoryFuzzTest {
    static final long SEED = 20261127L;
    static final int CALLS = 4_000;

    @Test
    void everyCallIsAnsweredOrRefusedTypedAndRefusalsChangeNothing() {
        ServiceFuzz fuzz = new ServiceFuzz(FuzzWorld.inMemory().prime(), SEED, 0.35);

        ServiceFuzz.Report report = fuzz.run(CALLS, Duration.ofSeconds(2));

        report.outcomes().forEach((op, n) -> System.out.printf("fuzz %-22s accepted %4d refused %4d%n", op, n[0], n[1]));
        assertThat(report.problems()).as("problems found").isEmpty();
        // the valid-looking half of the arguments reaches the writes, so refusals are checked on real state
        for (String op : new String[] {"requestUpgrade", "redeem", "purchase", "confirmPayment", "transferOwnership",
                "certificate", "issueExtensionBatch", "createCampaign", "deviceOnline", "replaceDevice"}) {
            assertThat(report.accepted(op)).as("accepted calls of " + op).isPositive();
        }
    }
}
