package org.warrantykit.rules.facts;

import jakarta.validation.constraints.NotBlank;

/** Decision: the code entered for the device is refused, and why (shown to the owner with the rule's name). */
public record CodeRefusal(@NotBlank String serial, @NotBlank String reason) implements DeviceScoped {
}
