package org.warrantykit.rules.facts;

/**
 * What every device fact says about the device itself, whichever session it is in ({@link DeviceFact}
 * for decisions, {@link CodeDevice} for codes): rules that depend only on the device, such as the
 * scope rules, match this and fire in both.
 */
public interface InstalledDevice extends DeviceScoped {
    /** @return the model, upper-case */
    String model();

    /** @return the product category, e.g. INVERTER */
    String category();

    /** @return the ISO 3166 country code of the installation, upper-case */
    String region();
}
