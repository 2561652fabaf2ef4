package org.warrantykit.rules.facts;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;

/** Decision: the free online upgrade applies and adds {@code years}; {@code reason} is shown to the owner. */
public record UpgradeGrant(@NotBlank String serial, @Min(1) @Max(50) int years, @NotBlank String reason)
        implements DeviceScoped {
}
