package org.warrantykit.rules.facts;

/** Classification: the device may be offered an online extension now. */
public record OfferWindow(String serial) implements DeviceScoped {
    public OfferWindow {
        Require.notBlank("OfferWindow", "serial", serial);
    }
}
