package org.warrantykit.rules.facts;

import java.time.LocalDate;
import org.warrantykit.spi.StandardTerm;

/**
 * The standard term made from {@link StandardStart} and {@link StandardYears}, with its last day,
 * so later rules (upgrade, pricing) can test {@code end}. Build it with {@link #of}.
 */
public record StandardTermFact(String serial, LocalDate start, int years, LocalDate end)
        implements DeviceScoped {

/**
     * Validates the fact's fields.
     *
     * @throws InvalidFactException if a field breaks the fact's contract (for example a blank
     *                              serial or reason); the rule set reports it at the rule's line
     */
    public StandardTermFact {
        Require.notBlank("StandardTermFact", "serial", serial);
        Require.notNull("StandardTermFact", "start", start);
        Require.between("StandardTermFact", "years", years, 1, 50);
        LocalDate expected = new StandardTerm(start, years).end();
        if (!expected.equals(end)) {
            throw new InvalidFactException("StandardTermFact", "end", end, "must be the day before the "
                    + years + "-year anniversary of " + start + ", " + expected);
        }
    }

    /** A term of {@code years} from {@code start} ends the day before the anniversary. */
    public static StandardTermFact of(String serial, LocalDate start, int years) {
        return new StandardTermFact(serial, start, years, new StandardTerm(start, years).end());
    }
}
