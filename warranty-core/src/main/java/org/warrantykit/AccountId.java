package org.warrantykit;

/**
 * The id of an account already authenticated by the host service. The library never sees
 * credentials; it only checks that this account owns the device it acts on.
 *
 * @param value 1 to 128 characters: letters, digits and {@code . _ @ + -}, starting with a letter
 *              or digit; kept as given (case-sensitive)
 */
public record AccountId(String value) {
    /**
     * Checks the id as given; use {@link #of} to strip surrounding blanks first.
     *
     * @param value the id
     * @throws InvalidValueException if {@code value} is null or not an account id
     */
    public AccountId {
        if (value == null || !wellFormed(value)) {
            throw new InvalidValueException("account id", Quoted.of(value)
                    + " is not an account id (1-128 characters: letters, digits, . _ @ + -, starting with a letter or digit)");
        }
    }

    /** {@code [A-Za-z0-9][A-Za-z0-9._@+-]{0,127}}, as a loop: every owned device carries one. */
    private static boolean wellFormed(String value) {
        int length = value.length();
        if (length < 1 || length > 128) {
            return false;
        }
        for (int i = 0; i < length; i++) {
            char c = value.charAt(i);
            boolean alphanumeric = c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c >= '0' && c <= '9';
            if (!alphanumeric && (i == 0 || ".-_@+".indexOf(c) < 0)) {
                return false;
            }
        }
        return true;
    }

    /**
     * The account id {@code value}, stripped of surrounding blanks.
     *
     * @param value the id as the host has it
     * @return the account id
     * @throws InvalidValueException if {@code value} is null or, stripped, not an account id
     */
    public static AccountId of(String value) {
        return new AccountId(value == null ? null : value.strip());
    }

    /** @return the id itself, {@link #value()} */
    @Override
    public String toString() {
        return value;
    }
}
