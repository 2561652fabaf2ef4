package org.warrantykit;

/**
 * A serial number that does not have the shape of one, or none was given (a null serial-number
 * argument); raised before any look-up, by {@link SerialNumber#parse} and every service method that
 * takes a serial number as text.
 */
public final class InvalidSerialNumberException extends WarrantyException {
    /** The text as given. */
    private final String input;

    /**
     * @param input the text as the caller gave it; {@code ""} for none
     * @param rule  what a serial number looks like, for the message
     */
    public InvalidSerialNumberException(String input, String rule) {
        super("Invalid serial number " + Quoted.of(input) + ": " + rule);
        this.input = input;
    }

    /** @return the text as the caller gave it (empty when none was given; never null when the library raises it) */
    public String input() {
        return input;
    }
}
