package org.warrantykit;

/** The service was assembled wrongly (a required port missing, a bad setting). */
public final class ConfigurationException extends WarrantyException {
    public ConfigurationException(String message) {
        super(message);
    }

    /** Returns {@code value}, or refuses a null given to the builder setter {@code setter}. */
    static <T> T require(String setter, T value) {
        if (value == null) {
            throw new ConfigurationException(setter + "(...) needs a value, was null");
        }
        return value;
    }
}
