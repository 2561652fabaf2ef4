package org.warrantykit.rules.facts;

import jakarta.validation.constraints.NotBlank;

/**
 * Classification for code decisions: whether the device's warranty is running on the redemption
 * day. Exactly one per device, so decision rules test it positively.
 */
public record CoverageStatus(@NotBlank String serial, boolean running) implements DeviceScoped {
}
