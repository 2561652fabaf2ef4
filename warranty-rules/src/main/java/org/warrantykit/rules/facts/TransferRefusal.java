package org.warrantykit.rules.facts;

/** Decision: the warranty stays with its current owner, and why (shown to the owner). A refusal outweighs any permit. */
public record TransferRefusal(String serial, String reason) implements DeviceScoped {
    /**
     * Validates the fact's fields.
     *
     * @param serial the device's serial number, not blank
     * @param reason why the warranty cannot pass to a new owner, shown to the owner; not blank
     * @throws InvalidFactException if a field breaks the fact's contract (for example a blank
     *                              serial or reason); the rule set reports it at the rule's line
     */
    public TransferRefusal {
        Require.notBlank("TransferRefusal", "serial", serial);
        Require.notBlank("TransferRefusal", "reason", reason);
    }
}
