package org.warrantykit;

import java.util.Collection;
import java.util.List;
import java.util.Set;

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
     * An unmodifiable copy of {@code values}, refusing a null collection or a null element with this
     * exception naming {@code field} (where {@code List.copyOf} would throw a NullPointerException).
     *
     * @param <T>    the element type
     * @param field  the argument's name, for {@link #field()}
     * @param values the elements
     * @return an unmodifiable list of them, in order
     * @throws InvalidValueException if {@code values} is null or contains null
     */
    public static <T> List<T> requireList(String field, Collection<? extends T> values) {
        for (T value : require(field, values)) {
            if (value == null) {
                throw new InvalidValueException(field, "must not contain null");
            }
        }
        return List.copyOf(values);
    }

    /**
     * As {@link #requireList}, into an unmodifiable set.
     *
     * @param <T>    the element type
     * @param field  the argument's name, for {@link #field()}
     * @param values the elements
     * @return an unmodifiable set of them
     * @throws InvalidValueException if {@code values} is null or contains null
     */
    public static <T> Set<T> requireSet(String field, Collection<? extends T> values) {
        return Set.copyOf(requireList(field, values));
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
