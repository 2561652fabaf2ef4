package org.warrantykit.rules.facts;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.time.LocalDate;

/**
 * The standard term made from {@link StandardStart} and {@link StandardYears}, with its last day,
 * so later rules (upgrade, pricing) can test {@code end}. Build it with {@link #of}.
 */
public record StandardTermFact(@NotBlank String serial, @NotNull LocalDate start, int years, @NotNull LocalDate end)
        implements DeviceScoped {

    public StandardTermFact {
        if (start != null && !start.plusYears(years).minusDays(1).equals(end)) {
            throw new IllegalArgumentException("end of a " + years + "-year term from " + start
                    + " is " + start.plusYears(years).minusDays(1) + ", not " + end);
        }
    }

    /** A term of {@code years} from {@code start} ends the day before the anniversary. */
    public static StandardTermFact of(String serial, LocalDate start, int years) {
        return new StandardTermFact(serial, start, years, start.plusYears(years).minusDays(1));
    }
}
