package org.warrantykit.rules.facts;

/** Decision: no extension is offered, and why. Outweighs any price. */
public record NoOffer(String serial, String reason) implements DeviceScoped {
    /**
     * Validates the fact's fields.
     *
     * @param serial the device's serial number, not blank
     * @param reason why no extension is offered; not blank
     * @throws InvalidFactException if a field breaks the fact's contract (for example a blank
     *                              serial or reason); the rule set reports it at the rule's line
     */
    public NoOffer {
        Require.notBlank("NoOffer", "serial", serial);
        Require.notBlank("NoOffer", "reason", reason);
    }
}
