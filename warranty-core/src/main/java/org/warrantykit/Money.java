package org.warrantykit;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Collection;
import java.util.Currency;

/**
 * An amount in one currency, held at the currency's number of decimals (EUR 200 is 200.00).
 * Arithmetic refuses to mix currencies.
 *
 * @param amount   the amount, at the currency's default number of decimals; may be negative
 * @param currency its currency
 */
public record Money(BigDecimal amount, Currency currency) implements Comparable<Money> {
    /**
     * Scales the amount to the currency's decimals, without rounding.
     *
     * @param amount   the amount, with at most the currency's decimals (trailing zeros do not count)
     * @param currency its currency
     * @throws InvalidValueException if a value is null or the amount has more decimals than the currency
     */
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

    /**
     * @param amount   the amount, with at most the currency's decimals
     * @param currency its currency
     * @return the money
     * @throws InvalidValueException as the canonical constructor
     */
    public static Money of(BigDecimal amount, Currency currency) {
        return new Money(amount, currency);
    }

    /**
     * {@code Money.of("200", "EUR")}; names the bad value when the amount or code is not valid.
     *
     * @param amount       a decimal number, e.g. {@code "200.00"}; surrounding blanks are ignored
     * @param currencyCode an ISO 4217 code, e.g. {@code "EUR"}; surrounding blanks are ignored
     * @return the money
     * @throws InvalidValueException if either is null or not valid, or the amount has too many decimals
     */
    public static Money of(String amount, String currencyCode) {
        return new Money(parseAmount(amount), currency(currencyCode));
    }

    /**
     * {@code amount} in the currency with this ISO 4217 code; names the code when it is not one.
     *
     * @param amount       the amount, with at most the currency's decimals
     * @param currencyCode an ISO 4217 code; surrounding blanks are ignored
     * @return the money
     * @throws InvalidValueException if either is null, the code is not a currency, or the amount has too
     *                               many decimals
     */
    public static Money of(BigDecimal amount, String currencyCode) {
        return new Money(amount, currency(currencyCode));
    }

    /**
     * Parses {@code "EUR 200.00"}, the form {@link #toString()} prints.
     *
     * @param text currency code and amount, separated by blanks
     * @return the money
     * @throws InvalidValueException if {@code text} is null or not of that form
     */
    public static Money parse(String text) {
        if (text == null) {
            throw new InvalidValueException("money", "no text given; expected e.g. \"EUR 200.00\"");
        }
        String[] parts = text.strip().split("\\s+");
        if (parts.length != 2) {
            throw new InvalidValueException("money", Quoted.of(text) + " is not of the form \"EUR 200.00\"");
        }
        return of(parts[1], parts[0]);
    }

    /**
     * @param currency the currency
     * @return zero in {@code currency}
     * @throws InvalidValueException if {@code currency} is null
     */
    public static Money zero(Currency currency) {
        return new Money(BigDecimal.ZERO, currency);
    }

    /**
     * The sum of {@code amounts}, all in {@code currency}; zero in that currency when there are none.
     * The one way totals are made (an order's lines, a purchase), so every total refuses a second
     * currency the same way.
     *
     * @param currency the currency of the total
     * @param amounts  the amounts to add, possibly none
     * @return their sum in {@code currency}
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
            throw new InvalidValueException("amount", Quoted.of(amount) + " is not a decimal number");
        }
    }

    private static Currency currency(String code) {
        try {
            return Currency.getInstance(InvalidValueException.require("currency", code).strip());
        } catch (IllegalArgumentException e) {
            throw new InvalidValueException("currency", Quoted.of(code) + " is not an ISO 4217 currency code");
        }
    }

    /**
     * This amount plus {@code other}.
     *
     * @param other the amount to add
     * @return the sum, in this currency
     * @throws CurrencyMismatchException if {@code other} is in another currency
     * @throws InvalidValueException     if {@code other} is null
     */
    public Money plus(Money other) {
        requireSameCurrency(other);
        return new Money(amount.add(other.amount), currency);
    }

    /** @return whether the amount is below zero */
    public boolean isNegative() {
        return amount.signum() < 0;
    }

    /**
     * Orders amounts of one currency by value.
     *
     * @param other the amount to compare with
     * @return negative, zero or positive as this amount is less than, equal to or greater than {@code other}
     * @throws CurrencyMismatchException if {@code other} is in another currency
     * @throws InvalidValueException     if {@code other} is null
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

    /** @return the currency code and the plain amount, e.g. {@code "EUR 200.00"} (what {@link #parse} reads) */
    @Override
    public String toString() {
        return currency.getCurrencyCode() + " " + amount.toPlainString();
    }
}
