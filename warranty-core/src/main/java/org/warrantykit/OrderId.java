package org.warrantykit;

import java.util.Locale;
import java.util.UUID;

/**
 * The id of an extension order, as {@link WarrantyService#purchase} returned it (e.g.
 * {@code O-F6819B58-B72A-473A-9C22-5B1F619F67C9}). {@link #parse(String)} forgives surrounding blanks.
 *
 * @param value the id, without surrounding blanks
 */
public record OrderId(String value) implements Comparable<OrderId> {
    /** Long enough for any id this library or a host's store issues, short enough to refuse junk. */
    static final int MAX_LENGTH = 100;

    /**
     * Checks the id as given; use {@link #parse} to strip surrounding blanks first.
     *
     * @param value the id
     * @throws InvalidValueException if {@code value} is null, blank, longer than 100 characters, has
     *                               surrounding blanks or control characters
     */
    public OrderId {
        if (value == null || value.isBlank()) {
            throw new InvalidValueException("orderId", "no order id given; use the orderId the purchase returned");
        }
        if (!value.equals(value.strip()) || value.length() > MAX_LENGTH || value.chars().anyMatch(Character::isISOControl)) {
            throw new InvalidValueException("orderId", Quoted.of(value) + " is not an order id (at most " + MAX_LENGTH
                    + " characters, no control characters or surrounding blanks)");
        }
    }

    /**
     * Strips surrounding blanks, then checks.
     *
     * @param text the id as the client sent it
     * @return the order id
     * @throws InvalidValueException if {@code text} is null, blank, too long or has control characters
     */
    public static OrderId parse(String text) {
        return new OrderId(text == null ? null : text.strip()); // the constructor refuses a missing id
    }

    /** A fresh id for a new order. */
    static OrderId random() {
        return new OrderId("O-" + UUID.randomUUID().toString().toUpperCase(Locale.ROOT));
    }

    /**
     * Orders ids by their text.
     *
     * @param other another id; not null (a null is a NullPointerException)
     * @return as {@link String#compareTo} of the values
     */
    @Override
    public int compareTo(OrderId other) {
        return value.compareTo(other.value);
    }

    /** @return the id itself, {@link #value()} */
    @Override
    public String toString() {
        return value;
    }
}
