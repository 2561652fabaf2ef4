package org.warrantykit;

import java.util.Currency;

/**
 * Two amounts in different currencies were added or compared. Carries both currencies, so a caller
 * can tell which side to convert; nothing is converted for it.
 */
public final class CurrencyMismatchException extends WarrantyException {
    /** The currency being added to or compared with. */
    private final Currency expected;
    /** The other amount's currency. */
    private final Currency actual;

    /**
     * Thrown by {@link Money#plus}, {@link Money#compareTo} and {@link Money#total}.
     *
     * @param expected the currency of the amount being added to or compared with
     * @param actual   the other amount's currency
     * @param message  names both amounts, for a person
     * @throws InvalidValueException if {@code expected} or {@code actual} is null
     */
    public CurrencyMismatchException(Currency expected, Currency actual, String message) {
        super(message);
        this.expected = InvalidValueException.require("expected", expected);
        this.actual = InvalidValueException.require("actual", actual);
    }

    /** @return the currency of the amount being added to or compared with */
    public Currency expected() {
        return expected;
    }

    /** @return the currency of the other amount, which differs from {@link #expected()} */
    public Currency actual() {
        return actual;
    }
}
