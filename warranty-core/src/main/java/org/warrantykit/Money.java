package org.warrantykit;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Collection;
import java.util.Currency;

/**
 * An amount in one currency, held at the currency's number of decimals (EUR 200 is 200.00).
 * Arithmetic refuses to mix currencies.
 */
public record Money(BigDecimal amount, Currency currency) implements Comparable<Money> {
    public Money {
        InvalidValueException.require("amount", amount);
        InvalidValueException.require("currency", currency);
        int digits = Math.max(currency.getDefaultFractionDigits(), 0);
        try {
            amount = amount.setScale(digits, RoundingMode.UNNECESSARY);
        } catch (ArithmeticException e) {
            throw new InvalidValueException("amount", amount.toPlainString() + " has more than "
                    + digits + " decimals for " + currency.getCurrencyCode() + "; round it first");
        }
    }

    public static Money of(BigDecimal amount, Currency currency) {
        return new Money(amount, currency);
    }

    /** {@code Money.of("200", "EUR")}; names the bad value when the amount or code is not valid. */
    public static Money of(String amount, String currencyCode) {
        return new Money(parseAmount(amount), currency(currencyCode));
    }

    /** {@code amount} in the currency with this ISO 4217 code; names the code when it is not one. */
    public static Money of(BigDecimal amount, String currencyCode) {
        return new Money(amount, currency(currencyCode));
    }

    /** Parses {@code "EUR 200.00"}, the form {@link #toString()} prints. */
    public static Money parse(String text) {
        if (text == null) {
            throw new InvalidValueException("money", "no text given; expected e.g. \"EUR 200.00\"");
        }
        String[] parts = text.strip().split("\\s+");
        if (parts.length != 2) {
            throw new InvalidValueException("money", "\"" + text + "\" is not of the form \"EUR 200.00\"");
        }
        return of(parts[1], parts[0]);
    }

    public static Money zero(Currency currency) {
        return new Money(BigDecimal.ZERO, currency);
    }

    /**
     * The sum of {@code amounts}, all in {@code currency}; zero in that currency when there are none.
     * The one way totals are made (an order's lines, a purchase), so every total refuses a second
     * currency the same way.
     *
     * @throws CurrencyMismatchException naming the first amount in another currency
     * @throws InvalidValueException     if {@code currency}, {@code amounts} or one of them is null
     */
    public static Money total(Currency currency, Collection<Money> amounts) {
        Money sum = zero(currency);
        for (Money amount : InvalidValueException.require("amounts", amounts)) {
            sum = sum.plus(InvalidValueException.require("amounts", amount));
        }
        return sum;
    }

    private static BigDecimal parseAmount(String amount) {
        try {
            return new BigDecimal(InvalidValueException.require("amount", amount).strip());
        } catch (NumberFormatException e) {
            throw new InvalidValueException("amount", "\"" + amount + "\" is not a decimal number");
        }
    }

    private static Currency currency(String code) {
        try {
            return Currency.getInstance(InvalidValueException.require("currency", code).strip());
        } catch (IllegalArgumentException e) {
            throw new InvalidValueException("currency", "\"" + code + "\" is not an ISO 4217 currency code");
        }
    }

    /**
     * This amount plus {@code other}.
     *
     * @throws CurrencyMismatchException if {@code other} is in another currency
     */
    public Money plus(Money other) {
        requireSameCurrency(other);
        return new Money(amount.add(other.amount), currency);
    }

    public boolean isNegative() {
        return amount.signum() < 0;
    }

    /**
     * Orders amounts of one currency by value.
     *
     * @throws CurrencyMismatchException if {@code other} is in another currency
     */
    @Override
    public int compareTo(Money other) {
        requireSameCurrency(other);
        return amount.compareTo(other.amount);
    }

    private void requireSameCurrency(Money other) {
        InvalidValueException.require("other", other);
        if (!currency.equals(other.currency)) {
            throw new CurrencyMismatchException(currency, other.currency, "currency: cannot combine " + this
                    + " with " + other);
        }
    }

    @Override
    public String toString() {
        return currency.getCurrencyCode() + " " + amount.toPlainString();
    }
}
