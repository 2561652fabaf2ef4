package org.warrantykit.spi;

import java.time.Instant;
import org.warrantykit.Coverage;
import org.warrantykit.DecisionTrace;
import org.warrantykit.InvalidValueException;

/**
 * One line of a device's coverage ledger: the grant, the decision that made it, and when.
 *
 * <p>A store that holds lines granted before scopes were recorded (a database migrated from an
 * earlier version) returns them with {@code scopeRecorded} false and the scope
 * {@link org.warrantykit.Covered#grantedBeforeScopes} gives without a region; the service reads them
 * as that method gives for the device's region. Lines the service appends always have it recorded.
 *
 * @param coverage      the coverage granted
 * @param trace         the decision that granted it
 * @param recordedAt    when it was appended
 * @param scopeRecorded whether the coverage's scope was recorded with it (false only for lines granted
 *                      before scopes existed)
 */
public record LedgerEntry(Coverage coverage, DecisionTrace trace, Instant recordedAt, boolean scopeRecorded) {
    /**
     * Validates the entry.
     *
     * @param coverage   the grant
     * @param trace      the decision
     * @param recordedAt when
     * @param scopeRecorded whether the scope was recorded
     * @throws InvalidValueException if any component is null
     */
    public LedgerEntry {
        InvalidValueException.require("coverage", coverage);
        InvalidValueException.require("trace", trace);
        InvalidValueException.require("recordedAt", recordedAt);
    }

    /**
     * An entry as the service appends it: its scope recorded.
     *
     * @param coverage   the grant
     * @param trace      the decision
     * @param recordedAt when
     * @throws InvalidValueException if any component is null
     */
    public LedgerEntry(Coverage coverage, DecisionTrace trace, Instant recordedAt) {
        this(coverage, trace, recordedAt, true);
    }
}
