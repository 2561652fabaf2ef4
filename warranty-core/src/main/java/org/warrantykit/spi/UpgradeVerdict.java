package org.warrantykit.spi;

import org.warrantykit.InvalidValueException;

/**
 * Whether the free online upgrade applies on the query's day, for how many years, and why.
 *
 * @param reason a sentence for the owner: what grants it, or why it is refused
 */
public record UpgradeVerdict(boolean eligible, int years, String reason) {
    public UpgradeVerdict {
        InvalidValueException.require("reason", reason);
        if (eligible && years < 1) {
            throw new InvalidValueException("years", "an eligible upgrade adds at least 1 year, was " + years);
        }
        if (!eligible && years != 0) {
            throw new InvalidValueException("years", "a refused upgrade adds no years, was " + years);
        }
        if (reason.isBlank()) {
            throw new InvalidValueException("reason", "an upgrade verdict needs a reason");
        }
    }

    public static UpgradeVerdict grant(int years, String reason) {
        return new UpgradeVerdict(true, years, reason);
    }

    public static UpgradeVerdict refuse(String reason) {
        return new UpgradeVerdict(false, 0, reason);
    }
}
