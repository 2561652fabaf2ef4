package org.warrantykit.rules.facts;

import jakarta.validation.constraints.NotBlank;

/** Classification: the device may be offered an online extension now. */
public record OfferWindow(@NotBlank String serial) implements DeviceScoped {
}
