package org.warrantykit;

/** The service was assembled wrongly (a required port missing, a bad setting). */
public final class ConfigurationException extends WarrantyException {
    public ConfigurationException(String message) {
        super(message);
    }
}
