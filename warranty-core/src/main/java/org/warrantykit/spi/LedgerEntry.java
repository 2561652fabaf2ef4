package org.warrantykit.spi;

import java.time.Instant;
import java.util.Objects;
import org.warrantykit.Coverage;
import org.warrantykit.DecisionTrace;

/**
 * One line of a device's coverage ledger: the grant, the decision that made it, and when.
 *
 * @param coverage   the coverage granted
 * @param trace      the decision that granted it
 * @param recordedAt when it was appended
 */
public record LedgerEntry(Coverage coverage, DecisionTrace trace, Instant recordedAt) {
    /**
     * Validates the entry.
     *
     * @param coverage   the grant
     * @param trace      the decision
     * @param recordedAt when
     * @throws NullPointerException if any component is null
     */
    public LedgerEntry {
        Objects.requireNonNull(coverage, "coverage");
        Objects.requireNonNull(trace, "trace");
        Objects.requireNonNull(recordedAt, "recordedAt");
    }
}
