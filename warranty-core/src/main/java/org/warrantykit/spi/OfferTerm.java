package org.warrantykit.spi;

import java.util.Set;
import org.warrantykit.Covered;
import org.warrantykit.ExtensionOffer;
import org.warrantykit.InvalidValueException;
import org.warrantykit.Money;

/**
 * One extension the policy offers for sale: a term in months and its price (VAT excluded).
 *
 * @param months the months it adds, at least 1
 * @param price  its price, not negative
 * @param covers what the bought months pay for: non-empty, unmodifiable
 */
public record OfferTerm(int months, Money price, Set<Covered> covers) {
    /**
     * Validates the term.
     *
     * @param months months added
     * @param price  the price
     * @param covers what the months pay for; copied
     * @throws InvalidValueException if {@code price} or {@code covers} is null, {@code covers} empty
     *         or if {@code months} is not 1 to {@link ExtensionOffer#MAX_MONTHS} or {@code price} is negative
     */
    public OfferTerm {
        InvalidValueException.require("price", price);
        covers = Covered.scope(covers);
        if (months < 1 || months > ExtensionOffer.MAX_MONTHS) {
            throw new InvalidValueException("months", "an offered term is 1 to " + ExtensionOffer.MAX_MONTHS
                    + " months, was " + months);
        }
        if (price.isNegative()) {
            throw new InvalidValueException("price", "an offer price cannot be negative, was " + price);
        }
    }
}
