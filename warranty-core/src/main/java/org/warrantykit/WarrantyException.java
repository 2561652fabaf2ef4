package org.warrantykit;

/**
 * Root of every error the library raises on purpose. Each subtype names what was wrong and
 * carries the offending data, so callers can react to the type and show the message to a person.
 * A call that throws one of these has changed nothing.
 */
public abstract class WarrantyException extends RuntimeException {
    /** @param message what was wrong, for a person */
    protected WarrantyException(String message) {
        super(message);
    }

    /**
     * @param message what was wrong, for a person
     * @param cause   the underlying error; may be null
     */
    protected WarrantyException(String message, Throwable cause) {
        super(message, cause);
    }
}
