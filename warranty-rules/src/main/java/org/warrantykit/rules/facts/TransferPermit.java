package org.warrantykit.rules.facts;

/**
 * Decision: the warranty may pass to a new owner with the device; {@code reason} is shown to the
 * owner. Any {@link TransferRefusal} outweighs it, and a transfer no rule permits is refused.
 */
public record TransferPermit(String serial, String reason) implements DeviceScoped {
    /**
     * Validates the fact's fields.
     *
     * @param serial the device's serial number, not blank
     * @param reason what lets the warranty follow the device, shown to the owner; not blank
     * @throws InvalidFactException if a field breaks the fact's contract (for example a blank
     *                              serial or reason); the rule set reports it at the rule's line
     */
    public TransferPermit {
        Require.notBlank("TransferPermit", "serial", serial);
        Require.notBlank("TransferPermit", "reason", reason);
    }
}
