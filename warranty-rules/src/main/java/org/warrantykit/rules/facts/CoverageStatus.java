package org.warrantykit.rules.facts;

/**
 * Classification for code decisions: whether the device's warranty is running on the redemption
 * day. Exactly one per device, so decision rules test it positively.
 */
public record CoverageStatus(String serial, boolean running) implements DeviceScoped {
    /**
     * Validates the fact's fields.
     *
     * @param serial  the device's serial number, not blank
     * @param running whether the warranty runs on the redemption day
     * @throws InvalidFactException if a field breaks the fact's contract (for example a blank
     *                              serial or reason); the rule set reports it at the rule's line
     */
    public CoverageStatus {
        Require.notBlank("CoverageStatus", "serial", serial);
    }
}
