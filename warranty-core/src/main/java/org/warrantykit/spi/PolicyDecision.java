package org.warrantykit.spi;

import java.util.List;
import org.warrantykit.DecisionTrace;
import org.warrantykit.InvalidValueException;

/**
 * Everything the policy decided about one device on one day.
 *
 * @param offers        extensions for sale, by ascending term; empty when none
 * @param noOfferReason why there are no offers; empty text when there are some
 */
public record PolicyDecision(
        StandardTerm standard,
        UpgradeVerdict upgrade,
        List<OfferTerm> offers,
        String noOfferReason,
        DecisionTrace trace) {

    public PolicyDecision {
        InvalidValueException.require("standard", standard);
        InvalidValueException.require("upgrade", upgrade);
        InvalidValueException.require("noOfferReason", noOfferReason);
        InvalidValueException.require("trace", trace);
        offers = List.copyOf(offers);
        if (offers.isEmpty() && noOfferReason.isBlank()) {
            throw new InvalidValueException("noOfferReason", "a decision without offers must say why");
        }
        for (int i = 1; i < offers.size(); i++) {
            for (int j = 0; j < i; j++) {
                if (offers.get(i).months() == offers.get(j).months()) {
                    throw new InvalidValueException("offers", "two offers have the same term: " + offers);
                }
            }
        }
    }
}
