package org.warrantykit;

import java.util.Locale;

/**
 * A device serial number as printed on its label: 10 to 20 letters or digits, stored upper-case.
 * {@link #parse(String)} is forgiving about surrounding blanks and case, strict about the rest.
 *
 * @param value 10 to 20 characters {@code A-Z} or {@code 0-9}
 */
public record SerialNumber(String value) implements Comparable<SerialNumber> {
    static final String RULE = "a serial number is 10 to 20 letters (A-Z) or digits, e.g. H1B50A1234567";

    /**
     * Checks the value as given (upper-case, no blanks); use {@link #parse} for typed input.
     *
     * @param value the serial number
     * @throws InvalidSerialNumberException if {@code value} is null or not of that shape
     */
    public SerialNumber {
        if (value == null || !wellFormed(value)) {
            throw new InvalidSerialNumberException(value == null ? "" : value, RULE);
        }
    }

    /**
     * Trims, upper-cases, then checks the shape; the error quotes the input as given.
     *
     * @param input the serial number as typed
     * @return the serial number
     * @throws InvalidSerialNumberException if {@code input} is null or, normalized, not a serial number
     */
    public static SerialNumber parse(String input) {
        if (input == null) {
            throw new InvalidSerialNumberException("", "no serial number given; " + RULE);
        }
        String normalized = input.strip().toUpperCase(Locale.ROOT);
        if (!wellFormed(normalized)) {
            throw new InvalidSerialNumberException(input, RULE);
        }
        return new SerialNumber(normalized);
    }

    /** {@code [A-Z0-9]{10,20}}, as a loop: every inquiry and every registry row checks it. */
    private static boolean wellFormed(String value) {
        int length = value.length();
        if (length < 10 || length > 20) {
            return false;
        }
        for (int i = 0; i < length; i++) {
            char c = value.charAt(i);
            if (!(c >= 'A' && c <= 'Z' || c >= '0' && c <= '9')) {
                return false;
            }
        }
        return true;
    }

    /**
     * Orders serial numbers by their text.
     *
     * @param other another serial number; not null (a null is a NullPointerException)
     * @return as {@link String#compareTo} of the values
     */
    @Override
    public int compareTo(SerialNumber other) {
        return value.compareTo(other.value);
    }

    /** @return the serial number itself, {@link #value()} */
    @Override
    public String toString() {
        return value;
    }
}
