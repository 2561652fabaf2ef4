package org.warrantykit.rules.facts;

/** Decision: the code entered for the device is refused, and why (shown to the owner with the rule's name). */
public record CodeRefusal(String serial, String reason) implements DeviceScoped {
    /**
     * Validates the fact's fields.
     *
     * @param serial the device's serial number, not blank
     * @param reason why the code is refused, shown to the owner; not blank
     * @throws InvalidFactException if a field breaks the fact's contract (for example a blank
     *                              serial or reason); the rule set reports it at the rule's line
     */
    public CodeRefusal {
        Require.notBlank("CodeRefusal", "serial", serial);
        Require.notBlank("CodeRefusal", "reason", reason);
    }
}
