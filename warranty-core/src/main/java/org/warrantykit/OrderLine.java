package org.warrantykit;

import java.util.List;
import java.util.Set;

/**
 * One device in an order: the extension bought for it and the price locked when the order was
 * placed. A later rule change never alters a placed line.
 *
 * @param serial   the device
 * @param offerId  the offer bought, {@code ExtensionOffer.idFor(months)}
 * @param months   the term, 1 to {@link ExtensionOffer#MAX_MONTHS}
 * @param price    the locked price, not negative
 * @param pricedBy the decision that offered this term at this price (rule-set version, rules)
 * @param covers   what the offer said the bought months cover, locked with the price; empty only for a
 *                 line placed before scopes were recorded, which covers what the device's standard
 *                 line covers (the default policy's rule for extensions); unmodifiable
 */
public record OrderLine(SerialNumber serial, String offerId, int months, Money price, DecisionTrace pricedBy,
                        Set<Covered> covers) {
    /**
     * Checks the line.
     *
     * @param serial   the device
     * @param offerId  {@code ExtensionOffer.idFor(months)}
     * @param months   the term, 1 to {@link ExtensionOffer#MAX_MONTHS}
     * @param price    the price, not negative
     * @param pricedBy the deciding trace
     * @param covers   the offer's scope; copied
     * @throws InvalidValueException if a value is null, {@code months} is out of range, {@code offerId} does
     *                               not match it or the price is negative
     */
    public OrderLine {
        InvalidValueException.require("serial", serial);
        InvalidValueException.require("price", price);
        InvalidValueException.require("pricedBy", pricedBy);
        covers = InvalidValueException.require("covers", covers).isEmpty() ? Set.of() : Covered.scope(covers);
        if (months < 1 || months > ExtensionOffer.MAX_MONTHS) {
            throw new InvalidValueException("months", "an extension adds 1 to " + ExtensionOffer.MAX_MONTHS
                    + " months, was " + months);
        }
        if (!ExtensionOffer.idFor(months).equals(offerId)) {
            throw new InvalidValueException("offerId", "the offer of " + months + " months is \""
                    + ExtensionOffer.idFor(months) + "\", was " + Quoted.of(offerId));
        }
        if (price.isNegative()) {
            throw new InvalidValueException("price", "a line price cannot be negative, was " + price);
        }
    }

    /**
     * What {@code lines} cost together, in their one currency.
     *
     * @param lines the lines, at least one
     * @return the sum of their prices
     * @throws InvalidValueException     if {@code lines} is null or empty
     * @throws CurrencyMismatchException if they are priced in more than one currency
     */
    public static Money total(List<OrderLine> lines) {
        if (InvalidValueException.require("lines", lines).isEmpty()) {
            throw new InvalidValueException("lines", "no lines to total");
        }
        return Money.total(lines.get(0).price().currency(), lines.stream().map(OrderLine::price).toList());
    }
}
