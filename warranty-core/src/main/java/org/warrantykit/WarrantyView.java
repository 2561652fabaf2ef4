package org.warrantykit;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;

/**
 * The warranty of one device as shown to a person: overall span, every grant that makes it up
 * (STANDARD first, then the others in the order granted), what can be done next and why.
 *
 * @param serial    the device
 * @param model     its model
 * @param state     the warranty as a whole
 * @param coverages every grant, STANDARD first, each starting the day after the one before; unmodifiable
 * @param actions   what the owner may do next; unmodifiable, empty when nothing
 * @param trace     the decision behind the view (for a redemption: the code decision)
 */
public record WarrantyView(
        SerialNumber serial,
        String model,
        WarrantyState state,
        List<Coverage> coverages,
        Set<Action> actions,
        DecisionTrace trace) {

    /**
     * Checks that the coverages form one unbroken warranty.
     *
     * @param serial    the device
     * @param model     its model
     * @param state     the warranty as a whole
     * @param coverages the grants; copied, so neither the collection nor an element may be null (a
     *                  null is a NullPointerException)
     * @param actions   what the owner may do next; copied, likewise
     * @param trace     the deciding trace
     * @throws InvalidValueException if a value is null, the first coverage is not STANDARD or a coverage
     *                               does not start the day after the one before
     */
    public WarrantyView {
        InvalidValueException.require("serial", serial);
        InvalidValueException.require("model", model);
        InvalidValueException.require("state", state);
        InvalidValueException.require("trace", trace);
        coverages = InvalidValueException.requireList("coverages", coverages);
        actions = InvalidValueException.requireSet("actions", actions);
        if (coverages.isEmpty() || coverages.get(0).kind() != CoverageKind.STANDARD) {
            throw new InvalidValueException("coverages", "a warranty starts with its STANDARD coverage");
        }
        for (int i = 1; i < coverages.size(); i++) {
            if (!coverages.get(i - 1).isFollowedBy(coverages.get(i))) {
                throw new InvalidValueException("coverages", "coverage " + coverages.get(i)
                        + " does not start the day after " + coverages.get(i - 1));
            }
        }
    }

    /** @return the first covered day */
    public LocalDate start() {
        return coverages.get(0).start();
    }

    /** @return the last covered day (inclusive) */
    public LocalDate end() {
        return coverages.get(coverages.size() - 1).end();
    }
}
