package org.warrantykit;

/**
 * A value object was given data it cannot hold (blank account id, unknown currency, ...), or a
 * public call got null for a required argument. The one null policy of the API: a null argument or
 * component is refused with this exception naming it, never with a NullPointerException; absent
 * values are {@code Optional.empty()}.
 */
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

    /** As {@link #require}, for an {@code Optional} argument: absence is {@code Optional.empty()}, never null. */
    public static <T> T requireOptional(String field, T value) {
        if (value == null) {
            throw new InvalidValueException(field, "is required but was null; use Optional.empty() for none");
        }
        return value;
    }
}
