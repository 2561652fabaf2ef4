package org.warrantykit;

import java.util.Objects;

/**
 * One device in an order: the extension bought for it and the price locked when the order was
 * placed. A later rule change never alters a placed line.
 *
 * @param pricedBy the decision that offered this term at this price (rule-set version, rules)
 */
public record OrderLine(SerialNumber serial, String offerId, int months, Money price, DecisionTrace pricedBy) {
    public OrderLine {
        Objects.requireNonNull(serial, "serial");
        Objects.requireNonNull(price, "price");
        Objects.requireNonNull(pricedBy, "pricedBy");
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
}
