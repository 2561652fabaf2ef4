package org.warrantykit.rules.facts;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.PositiveOrZero;
import java.math.BigDecimal;

/** Decision: an extension of {@code months} is offered at {@code amount} in {@code currency} (ISO 4217), VAT excluded. */
public record OfferPrice(
        @NotBlank String serial,
        @Positive int months,
        @NotNull @PositiveOrZero BigDecimal amount,
        @NotNull @Pattern(regexp = "[A-Z]{3}") String currency) implements DeviceScoped {
}
