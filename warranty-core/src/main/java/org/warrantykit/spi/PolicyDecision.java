package org.warrantykit.spi;

import java.util.List;
import org.warrantykit.DecisionTrace;
import org.warrantykit.InvalidValueException;

/**
 * Everything the policy decided about one device on one day.
 *
 * @param standard      the standard warranty term
 * @param upgrade       whether the free upgrade applies, for how long and why
 * @param offers        extensions for sale, by ascending term; empty when none
 * @param noOfferReason why there are no offers; empty text when there are some
 * @param transfer      whether the warranty may pass to a new owner, and why
 * @param trace         the rule set and the rules that fired
 */
public record PolicyDecision(
        StandardTerm standard,
        UpgradeVerdict upgrade,
        List<OfferTerm> offers,
        String noOfferReason,
        TransferVerdict transfer,
        DecisionTrace trace) {

    /**
     * Validates the decision and copies {@code offers}.
     *
     * @param standard      the standard term
     * @param upgrade       the upgrade verdict
     * @param offers        the offers
     * @param noOfferReason why there are none
     * @param transfer      the transfer verdict
     * @param trace         the trace
     * @throws InvalidValueException if any component is null (or an offer is)
     *         or if there are no offers and no reason, or two offers have the same term
     */
    public PolicyDecision {
        InvalidValueException.require("standard", standard);
        InvalidValueException.require("upgrade", upgrade);
        InvalidValueException.require("noOfferReason", noOfferReason);
        InvalidValueException.require("transfer", transfer);
        InvalidValueException.require("trace", trace);
        offers = InvalidValueException.requireList("offers", offers);
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
