package org.warrantykit.rules.facts;

/**
 * Classification for code decisions: whether the device's warranty is running on the redemption
 * day. Exactly one per device, so decision rules test it positively.
 */
public record CoverageStatus(String serial, boolean running) implements DeviceScoped {
    public CoverageStatus {
        Require.notBlank("CoverageStatus", "serial", serial);
    }
}
