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
     * @param serial the device's serial number, not blank
     * @param start  the first covered day, not null
     * @param years  the term's length, 1 to 50
     * @param end    the last covered day: the day before the {@code years}-th anniversary
     * @throws InvalidFactException if a field breaks the fact's contract (for example a blank
     *                              serial or reason); the rule set reports it at the rule's line
     */
    public StandardTermFact {
        Require.notBlank("StandardTermFact", "serial", serial);
        Require.notNull("StandardTermFact", "start", start);
        Require.between("StandardTermFact", "years", years, 1, 50);
        LocalDate expected = StandardTerm.endOf(start, years);
        if (!expected.equals(end)) {
            throw new InvalidFactException("StandardTermFact", "end", end, "must be the day before the "
                    + years + "-year anniversary of " + start + ", " + expected);
        }
    }

    /**
     * A term of {@code years} from {@code start} ends the day before the anniversary.
     *
     * @param serial the device's serial number, not blank
     * @param start  the first covered day
     * @param years  the term's length, 1 to 50
     * @return the fact, its {@code end} computed
     * @throws org.warrantykit.InvalidValueException if {@code start} is null or {@code years} below 1 (from StandardTerm)
     * @throws InvalidFactException if {@code serial} is blank or {@code years} is above 50
     */
    public static StandardTermFact of(String serial, LocalDate start, int years) {
        if (years < 1) {
            throw new org.warrantykit.InvalidValueException("years", "a standard term is at least 1 year, was " + years);
        }
        return new StandardTermFact(serial, start, years, StandardTerm.endOf(start, years));
    }
}
