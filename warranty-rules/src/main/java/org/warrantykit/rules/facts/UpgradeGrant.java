package org.warrantykit.rules.facts;

/** Decision: the free online upgrade applies and adds {@code years}; {@code reason} is shown to the owner. */
public record UpgradeGrant(String serial, int years, String reason)
        implements DeviceScoped {
    /**
     * Validates the fact's fields.
     *
     * @param serial the device's serial number, not blank
     * @param years  the years the upgrade adds, 1 to 50
     * @param reason shown to the owner; not blank
     * @throws InvalidFactException if a field breaks the fact's contract (for example a blank
     *                              serial or reason); the rule set reports it at the rule's line
     */
    public UpgradeGrant {
        Require.notBlank("UpgradeGrant", "serial", serial);
        Require.between("UpgradeGrant", "years", years, 1, 50);
        Require.notBlank("UpgradeGrant", "reason", reason);
    }
}
