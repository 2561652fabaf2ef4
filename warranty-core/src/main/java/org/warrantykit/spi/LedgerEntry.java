package org.warrantykit.spi;

import java.time.Instant;
import org.warrantykit.Coverage;
import org.warrantykit.DecisionTrace;
import org.warrantykit.InvalidValueException;

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
     * @throws InvalidValueException if any component is null
     */
    public LedgerEntry {
        InvalidValueException.require("coverage", coverage);
        InvalidValueException.require("trace", trace);
        InvalidValueException.require("recordedAt", recordedAt);
    }
}
