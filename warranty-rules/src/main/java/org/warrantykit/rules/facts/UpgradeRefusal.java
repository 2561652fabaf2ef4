package org.warrantykit.rules.facts;

import jakarta.validation.constraints.NotBlank;

/** Decision: no upgrade, and why (shown to the owner). A refusal outweighs any grant. */
public record UpgradeRefusal(@NotBlank String serial, @NotBlank String reason) implements DeviceScoped {
}
