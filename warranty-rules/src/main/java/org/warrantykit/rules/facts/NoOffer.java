package org.warrantykit.rules.facts;

import jakarta.validation.constraints.NotBlank;

/** Decision: no extension is offered, and why. Outweighs any price. */
public record NoOffer(@NotBlank String serial, @NotBlank String reason) implements DeviceScoped {
}
