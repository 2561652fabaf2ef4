package org.warrantykit.spi;

import java.time.LocalDate;
import java.util.Set;
import org.warrantykit.Covered;
import org.warrantykit.InvalidValueException;

/**
 * The standard warranty: from {@code start}, for {@code years}; ends the day before the anniversary.
 *
 * @param start  the first covered day
 * @param years  its length, at least 1
 * @param covers what it pays for: non-empty, unmodifiable
 */
public record StandardTerm(LocalDate start, int years, Set<Covered> covers) {
    /**
     * Validates the term.
     *
     * @param start first covered day
     * @param years length in years
     * @param covers what it pays for; copied
     * @throws InvalidValueException if {@code start} or {@code covers} is null, {@code covers} empty
     *         or {@code years} below 1
     */
    public StandardTerm {
        InvalidValueException.require("start", start);
        covers = Covered.scope(covers);
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
        return endOf(start, years);
    }

    /**
     * The last day of a term of {@code years} from {@code start}: the day before the anniversary.
     *
     * @param start the first covered day
     * @param years the length in years
     * @return {@code start.plusYears(years).minusDays(1)}
     * @throws InvalidValueException if {@code start} is null
     */
    public static LocalDate endOf(LocalDate start, int years) {
        return InvalidValueException.require("start", start).plusYears(years).minusDays(1);
    }
}
