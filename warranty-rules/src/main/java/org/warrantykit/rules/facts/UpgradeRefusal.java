package org.warrantykit.rules.facts;

/** Decision: no upgrade, and why (shown to the owner). A refusal outweighs any grant. */
public record UpgradeRefusal(String serial, String reason) implements DeviceScoped {
    /**
     * Validates the fact's fields.
     *
     * @param serial the device's serial number, not blank
     * @param reason why there is no upgrade, shown to the owner; not blank
     * @throws InvalidFactException if a field breaks the fact's contract (for example a blank
     *                              serial or reason); the rule set reports it at the rule's line
     */
    public UpgradeRefusal {
        Require.notBlank("UpgradeRefusal", "serial", serial);
        Require.notBlank("UpgradeRefusal", "reason", reason);
    }
}
