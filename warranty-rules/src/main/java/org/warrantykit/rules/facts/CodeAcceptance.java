package org.warrantykit.rules.facts;

import jakarta.validation.constraints.NotBlank;

/**
 * Decision: the code entered for the device may be applied; {@code reason} is shown to the owner.
 * Any {@link CodeRefusal} outweighs it, and a code no rule accepts is refused.
 */
public record CodeAcceptance(@NotBlank String serial, @NotBlank String reason) implements DeviceScoped {
}
