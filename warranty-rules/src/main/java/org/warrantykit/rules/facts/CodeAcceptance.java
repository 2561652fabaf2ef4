package org.warrantykit.rules.facts;

/**
 * Decision: the code entered for the device may be applied; {@code reason} is shown to the owner.
 * Any {@link CodeRefusal} outweighs it, and a code no rule accepts is refused.
 */
public record CodeAcceptance(String serial, String reason) implements DeviceScoped {
    /**
     * Validates the fact's fields.
     *
     * @param serial the device's serial number, not blank
     * @param reason why the code applies, shown to the owner; not blank
     * @throws InvalidFactException if a field breaks the fact's contract (for example a blank
     *                              serial or reason); the rule set reports it at the rule's line
     */
    public CodeAcceptance {
        Require.notBlank("CodeAcceptance", "serial", serial);
        Require.notBlank("CodeAcceptance", "reason", reason);
    }
}
