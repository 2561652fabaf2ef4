package org.warrantykit.rules.facts;

/** Classification: the device's product line, its power (0 when unknown) and whether extensions are sold online. */
public record ProductLine(
        String serial,
        int powerKw,
        boolean onlineExtension) implements DeviceScoped {
    public ProductLine {
        Require.notBlank("ProductLine", "serial", serial);
        Require.zeroOrMore("ProductLine", "powerKw", powerKw);
    }
}
