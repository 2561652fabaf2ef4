package org.warrantykit;

/** A value object was given data it cannot hold (blank account id, unknown currency, ...). */
public final class InvalidValueException extends WarrantyException {
    private final String field;

    public InvalidValueException(String field, String message) {
        super(field + ": " + message);
        this.field = field;
    }

    public String field() {
        return field;
    }

    /**
     * Returns {@code value}, or refuses a missing argument of a public call with this exception
     * (rather than a NullPointerException), naming the argument.
     */
    public static <T> T require(String field, T value) {
        if (value == null) {
            throw new InvalidValueException(field, "is required but was not given");
        }
        return value;
    }
}
