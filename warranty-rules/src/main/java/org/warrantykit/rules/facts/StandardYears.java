package org.warrantykit.rules.facts;

/** Decision: the length of the standard warranty in whole years. */
public record StandardYears(String serial, int years) implements DeviceScoped {
    public StandardYears {
        Require.notBlank("StandardYears", "serial", serial);
        Require.between("StandardYears", "years", years, 1, 50);
    }
}
