package org.warrantykit.spi;

import java.time.LocalDate;
import org.warrantykit.InvalidValueException;

/** The standard warranty: from {@code start}, for {@code years}; ends the day before the anniversary. */
public record StandardTerm(LocalDate start, int years) {
    public StandardTerm {
        InvalidValueException.require("start", start);
        if (years < 1) {
            throw new InvalidValueException("years", "a standard term is at least 1 year, was " + years);
        }
    }

    /** Last covered day: {@code start.plusYears(years).minusDays(1)}. */
    public LocalDate end() {
        return start.plusYears(years).minusDays(1);
    }
}
