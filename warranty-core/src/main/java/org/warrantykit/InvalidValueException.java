package org.warrantykit;

/**
 * A value object was given data it cannot hold (blank account id, unknown currency, ...), or a
 * public call got null for a required argument. The one null policy of the API: a null argument or
 * component is refused with this exception naming it, never with a NullPointerException; absent
 * values are {@code Optional.empty()}.
 */
public final class InvalidValueException extends WarrantyException {
    /** The argument, component or setting at fault. */
    private final String field;

    /**
     * @param field   the argument, component or setting at fault, e.g. {@code "account id"}
     * @param message what is wrong with it; the exception's message is {@code field + ": " + message}
     */
    public InvalidValueException(String field, String message) {
        super(field + ": " + message);
        this.field = field;
    }

    /** @return the argument, component or setting at fault, as named by the thrower */
    public String field() {
        return field;
    }

    /**
     * Returns {@code value}, or refuses a missing argument of a public call with this exception
     * (rather than a NullPointerException), naming the argument.
     *
     * @param <T>   the argument's type
     * @param field the argument's name, for {@link #field()}
     * @param value the argument
     * @return {@code value}, never null
     * @throws InvalidValueException if {@code value} is null
     */
    public static <T> T require(String field, T value) {
        if (value == null) {
            throw new InvalidValueException(field, "is required but was not given");
        }
        return value;
    }

    /**
     * As {@link #require}, for an {@code Optional} argument: absence is {@code Optional.empty()}, never
     * null, and the message says so.
     *
     * @param <T>   the argument's type (an {@code Optional})
     * @param field the argument's name, for {@link #field()}
     * @param value the argument
     * @return {@code value}, never null
     * @throws InvalidValueException if {@code value} is null
     */
    public static <T> T requireOptional(String field, T value) {
        if (value == null) {
            throw new InvalidValueException(field, "is required but was null; use Optional.empty() for none");
        }
        return value;
    }
}
