package org.warrantykit.rules.facts;

/** Classification: the device's product line, its power (0 when unknown) and whether extensions are sold online. */
public record ProductLine(
        String serial,
        int powerKw,
        boolean onlineExtension) implements DeviceScoped {
    /**
     * Validates the fact's fields.
     *
     * @param serial          the device's serial number, not blank
     * @param powerKw         the device's power in kW, 0 when unknown
     * @param onlineExtension whether extensions are sold online for the line
     * @throws InvalidFactException if a field breaks the fact's contract (for example a blank
     *                              serial or reason); the rule set reports it at the rule's line
     */
    public ProductLine {
        Require.notBlank("ProductLine", "serial", serial);
        Require.zeroOrMore("ProductLine", "powerKw", powerKw);
    }
}
