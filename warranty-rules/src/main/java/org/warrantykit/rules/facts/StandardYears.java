package org.warrantykit.rules.facts;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;

/** Decision: the length of the standard warranty in whole years. */
public record StandardYears(@NotBlank String serial, @Min(1) @Max(50) int years) implements DeviceScoped {
}
