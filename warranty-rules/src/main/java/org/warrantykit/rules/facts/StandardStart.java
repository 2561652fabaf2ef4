package org.warrantykit.rules.facts;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.time.LocalDate;

/** Decision: the first day of the standard warranty. */
public record StandardStart(@NotBlank String serial, @NotNull LocalDate start) implements DeviceScoped {
}
