package org.warrantykit.spi;

import org.warrantykit.InvalidValueException;
import org.warrantykit.Money;

/**
 * One extension the policy offers for sale: a term in months and its price (VAT excluded).
 *
 * @param months the months it adds, at least 1
 * @param price  its price, not negative
 */
public record OfferTerm(int months, Money price) {
    /**
     * Validates the term.
     *
     * @param months months added
     * @param price  the price
     * @throws InvalidValueException if {@code price} is null
     *         or if {@code months} is below 1 or {@code price} is negative
     */
    public OfferTerm {
        InvalidValueException.require("price", price);
        if (months < 1) {
            throw new InvalidValueException("months", "an offered term is at least 1 month, was " + months);
        }
        if (price.isNegative()) {
            throw new InvalidValueException("price", "an offer price cannot be negative, was " + price);
        }
    }
}
