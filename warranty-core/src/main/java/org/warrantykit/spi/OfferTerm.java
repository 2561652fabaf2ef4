package org.warrantykit.spi;

import org.warrantykit.ExtensionOffer;
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
     *         or if {@code months} is not 1 to {@link ExtensionOffer#MAX_MONTHS} or {@code price} is negative
     */
    public OfferTerm {
        InvalidValueException.require("price", price);
        if (months < 1 || months > ExtensionOffer.MAX_MONTHS) {
            throw new InvalidValueException("months", "an offered term is 1 to " + ExtensionOffer.MAX_MONTHS
                    + " months, was " + months);
        }
        if (price.isNegative()) {
            throw new InvalidValueException("price", "an offer price cannot be negative, was " + price);
        }
    }
}
