package org.warrantykit.spi;

import java.util.List;
import java.util.Objects;
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
        Objects.requireNonNull(standard, "standard");
        Objects.requireNonNull(upgrade, "upgrade");
        Objects.requireNonNull(noOfferReason, "noOfferReason");
        Objects.requireNonNull(trace, "trace");
        offers = List.copyOf(offers);
        if (offers.isEmpty() && noOfferReason.isBlank()) {
            throw new InvalidValueException("noOfferReason", "a decision without offers must say why");
        }
        if (offers.stream().map(OfferTerm::months).distinct().count() != offers.size()) {
            throw new InvalidValueException("offers", "two offers have the same term: " + offers);
        }
    }
}
