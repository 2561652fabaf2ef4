package org.warrantykit;

/** A serial number that does not have the shape of one; raised before any look-up. */
public final class InvalidSerialNumberException extends WarrantyException {
    private final String input;

    public InvalidSerialNumberException(String input, String rule) {
        super("Invalid serial number \"" + input + "\": " + rule);
        this.input = input;
    }

    /** The text as the caller gave it (may be empty, never null). */
    public String input() {
        return input;
    }
}
