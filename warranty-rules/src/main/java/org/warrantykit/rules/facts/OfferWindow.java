package org.warrantykit.rules.facts;

/** Classification: the device may be offered an online extension now. */
public record OfferWindow(String serial) implements DeviceScoped {
    /**
     * Validates the fact's fields.
     *
     * @param serial the device's serial number, not blank
     * @throws InvalidFactException if a field breaks the fact's contract (for example a blank
     *                              serial or reason); the rule set reports it at the rule's line
     */
    public OfferWindow {
        Require.notBlank("OfferWindow", "serial", serial);
    }
}
