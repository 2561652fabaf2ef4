package org.warrantykit.spi;

import java.time.LocalDate;
import org.warrantykit.InvalidValueException;

/**
 * The standard warranty: from {@code start}, for {@code years}; ends the day before the anniversary.
 *
 * @param start the first covered day
 * @param years its length, at least 1
 */
public record StandardTerm(LocalDate start, int years) {
    /**
     * Validates the term.
     *
     * @param start first covered day
     * @param years length in years
     * @throws InvalidValueException if {@code start} is null
     *         or if {@code years} is below 1
     */
    public StandardTerm {
        InvalidValueException.require("start", start);
        if (years < 1) {
            throw new InvalidValueException("years", "a standard term is at least 1 year, was " + years);
        }
    }

    /**
     * Last covered day: {@code start.plusYears(years).minusDays(1)}.
     *
     * @return the day before the {@code years}-th anniversary of {@code start}
     */
    public LocalDate end() {
        return start.plusYears(years).minusDays(1);
    }
}
