package org.warrantykit.spi;

import org.warrantykit.InvalidValueException;
import org.warrantykit.Money;

/** One extension the policy offers for sale: a term in months and its price (VAT excluded). */
public record OfferTerm(int months, Money price) {
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
