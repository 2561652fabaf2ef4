package org.warrantykit;

import java.util.List;

/**
 * One device in an order: the extension bought for it and the price locked when the order was
 * placed. A later rule change never alters a placed line.
 *
 * @param pricedBy the decision that offered this term at this price (rule-set version, rules)
 */
public record OrderLine(SerialNumber serial, String offerId, int months, Money price, DecisionTrace pricedBy) {
    public OrderLine {
        InvalidValueException.require("serial", serial);
        InvalidValueException.require("price", price);
        InvalidValueException.require("pricedBy", pricedBy);
        if (months < 1) {
            throw new InvalidValueException("months", "an extension adds at least 1 month, was " + months);
        }
        if (!ExtensionOffer.idFor(months).equals(offerId)) {
            throw new InvalidValueException("offerId", "the offer of " + months + " months is \""
                    + ExtensionOffer.idFor(months) + "\", was \"" + offerId + "\"");
        }
        if (price.isNegative()) {
            throw new InvalidValueException("price", "a line price cannot be negative, was " + price);
        }
    }

    /**
     * What {@code lines} cost together, in their one currency.
     *
     * @throws InvalidValueException     if there are no lines
     * @throws CurrencyMismatchException if they are priced in more than one currency
     */
    public static Money total(List<OrderLine> lines) {
        if (InvalidValueException.require("lines", lines).isEmpty()) {
            throw new InvalidValueException("lines", "no lines to total");
        }
        return Money.total(lines.get(0).price().currency(), lines.stream().map(OrderLine::price).toList());
    }
}
