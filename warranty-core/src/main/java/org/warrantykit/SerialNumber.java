package org.warrantykit;

import java.util.Locale;

/**
 * A device serial number as printed on its label: 10 to 20 letters or digits, stored upper-case.
 * {@link #parse(String)} is forgiving about surrounding blanks and case, strict about the rest.
 */
public record SerialNumber(String value) implements Comparable<SerialNumber> {
    static final String RULE = "a serial number is 10 to 20 letters (A-Z) or digits, e.g. H1B50A1234567";

    public SerialNumber {
        if (value == null || !wellFormed(value)) {
            throw new InvalidSerialNumberException(value == null ? "" : value, RULE);
        }
    }

    /** Trims, upper-cases, then checks the shape; the error quotes the input as given. */
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

    @Override
    public int compareTo(SerialNumber other) {
        return value.compareTo(other.value);
    }

    @Override
    public String toString() {
        return value;
    }
}
