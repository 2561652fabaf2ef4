package org.warrantykit;

/**
 * The id of an account already authenticated by the host service. The library never sees
 * credentials; it only checks that this account owns the device it acts on.
 */
public record AccountId(String value) {
    public AccountId {
        if (value == null || !wellFormed(value)) {
            throw new InvalidValueException("account id", "\"" + value
                    + "\" is not an account id (1-128 characters: letters, digits, . _ @ + -, starting with a letter or digit)");
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

    public static AccountId of(String value) {
        return new AccountId(value == null ? null : value.strip());
    }

    @Override
    public String toString() {
        return value;
    }
}
