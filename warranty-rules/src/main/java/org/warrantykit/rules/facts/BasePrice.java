package org.warrantykit.rules.facts;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.PositiveOrZero;
import java.math.BigDecimal;

/** Classification: the list price of a term in EUR, before regional currency. */
public record BasePrice(@NotBlank String serial, @Positive int months, @NotNull @PositiveOrZero BigDecimal eur)
        implements DeviceScoped {
}
