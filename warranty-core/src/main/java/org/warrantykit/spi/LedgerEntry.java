package org.warrantykit.spi;

import java.time.Instant;
import java.util.Objects;
import org.warrantykit.Coverage;
import org.warrantykit.DecisionTrace;

/** One line of a device's coverage ledger: the grant, the decision that made it, and when. */
public record LedgerEntry(Coverage coverage, DecisionTrace trace, Instant recordedAt) {
    public LedgerEntry {
        Objects.requireNonNull(coverage, "coverage");
        Objects.requireNonNull(trace, "trace");
        Objects.requireNonNull(recordedAt, "recordedAt");
    }
}
