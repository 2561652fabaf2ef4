package org.warrantykit.rules.facts;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.PositiveOrZero;

/** Classification: the device's product line, its power (0 when unknown) and whether extensions are sold online. */
public record ProductLine(
        @NotBlank String serial,
        @PositiveOrZero int powerKw,
        boolean onlineExtension) implements DeviceScoped {
}
