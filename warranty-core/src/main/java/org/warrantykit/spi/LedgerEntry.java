package org.warrantykit.spi;

import java.time.Instant;
import org.warrantykit.Coverage;
import org.warrantykit.DecisionTrace;
import org.warrantykit.InvalidValueException;

/** One line of a device's coverage ledger: the grant, the decision that made it, and when. */
public record LedgerEntry(Coverage coverage, DecisionTrace trace, Instant recordedAt) {
    public LedgerEntry {
        InvalidValueException.require("coverage", coverage);
        InvalidValueException.require("trace", trace);
        InvalidValueException.require("recordedAt", recordedAt);
    }
}
