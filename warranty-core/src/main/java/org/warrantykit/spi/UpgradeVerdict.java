package org.warrantykit.spi;

import java.util.Set;
import org.warrantykit.Covered;
import org.warrantykit.InvalidValueException;

/**
 * Whether the free online upgrade applies on the query's day, for how many years, and why.
 *
 * @param eligible whether the upgrade applies
 * @param years    the years it adds: at least 1 when eligible, 0 otherwise
 * @param reason   a sentence for the owner: what grants it, or why it is refused
 * @param covers   what the upgrade years pay for: non-empty when eligible, empty when refused; unmodifiable
 */
public record UpgradeVerdict(boolean eligible, int years, String reason, Set<Covered> covers) {
    /**
     * Validates the verdict.
     *
     * @param eligible whether it applies
     * @param years    years added
     * @param reason   the owner's sentence
     * @param covers   the scope of the upgrade years; copied
     * @throws InvalidValueException if {@code reason} or {@code covers} is null
     *         or if {@code years} or {@code covers} does not fit {@code eligible}, or {@code reason} is blank
     */
    public UpgradeVerdict {
        InvalidValueException.require("reason", reason);
        InvalidValueException.require("covers", covers);
        if (!eligible && !covers.isEmpty()) {
            throw new InvalidValueException("covers", "a refused upgrade covers nothing, was " + covers);
        }
        covers = eligible ? Covered.scope(covers) : Set.of();
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

    /**
     * An eligible verdict.
     *
     * @param years  the years the upgrade adds, at least 1
     * @param reason what grants it
     * @param covers what the upgrade years pay for, not empty
     * @return the verdict
     * @throws InvalidValueException if {@code years} is below 1, {@code reason} blank or {@code covers} empty
     */
    public static UpgradeVerdict grant(int years, String reason, Set<Covered> covers) {
        return new UpgradeVerdict(true, years, reason, covers);
    }

    /**
     * A refusal.
     *
     * @param reason why, for the owner
     * @return the verdict, with 0 years
     * @throws InvalidValueException if {@code reason} is blank
     */
    public static UpgradeVerdict refuse(String reason) {
        return new UpgradeVerdict(false, 0, reason, Set.of());
    }
}
