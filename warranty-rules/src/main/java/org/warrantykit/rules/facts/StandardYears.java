package org.warrantykit.rules.facts;

/** Decision: the length of the standard warranty in whole years. */
public record StandardYears(String serial, int years) implements DeviceScoped {
    /**
     * Validates the fact's fields.
     *
     * @param serial the device's serial number, not blank
     * @param years  the standard warranty's length, 1 to 50
     * @throws InvalidFactException if a field breaks the fact's contract (for example a blank
     *                              serial or reason); the rule set reports it at the rule's line
     */
    public StandardYears {
        Require.notBlank("StandardYears", "serial", serial);
        Require.between("StandardYears", "years", years, 1, 50);
    }
}
