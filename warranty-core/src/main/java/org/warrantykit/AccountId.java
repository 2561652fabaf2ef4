package org.warrantykit;

import java.util.regex.Pattern;

/**
 * The id of an account already authenticated by the host service. The library never sees
 * credentials; it only checks that this account owns the device it acts on.
 */
public record AccountId(String value) {
    private static final Pattern SHAPE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._@+-]{0,127}");

    public AccountId {
        if (value == null || !SHAPE.matcher(value).matches()) {
            throw new InvalidValueException("account id", "\"" + value
                    + "\" is not an account id (1-128 characters: letters, digits, . _ @ + -, starting with a letter or digit)");
        }
    }

    public static AccountId of(String value) {
        return new AccountId(value == null ? null : value.strip());
    }

    @Override
    public String toString() {
        return value;
    }
}
