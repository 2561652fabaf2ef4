package org.warrantykit;

/**
 * The service was assembled wrongly (a required port missing, a bad setting): thrown by the
 * {@link WarrantyService.Builder} setters (also for a null value) and by
 * {@link WarrantyService.Builder#build()}, and when a configured part turns out unusable at first use
 * (e.g. a certificate signer whose signature does not verify with its own public key).
 */
public final class ConfigurationException extends WarrantyException {
    /** @param message what is wrong and which setter fixes it */
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
