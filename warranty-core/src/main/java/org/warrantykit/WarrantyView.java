package org.warrantykit;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
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
 * @param replaces   the serial number of the unit this one replaced (RMA), whose remaining
 *                   warranty it carries; empty when it replaced nothing
 * @param replacedBy the serial number of the unit that replaced this one; empty when it was not
 *                   replaced (then the state is not {@link WarrantyState#REPLACED})
 */
public record WarrantyView(
        SerialNumber serial,
        String model,
        WarrantyState state,
        List<Coverage> coverages,
        Set<Action> actions,
        DecisionTrace trace,
        Optional<String> replaces,
        Optional<String> replacedBy) {

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
     * @param replaces   the unit this one replaced, if any
     * @param replacedBy the unit that replaced this one, if any
     * @throws InvalidValueException if a value is null, the first coverage is not STANDARD (a replacement's
     *                               may be any kind: it starts the day of the swap), a coverage does not
     *                               start the day after the one before, or the state and
     *                               {@code replacedBy} disagree
     */
    public WarrantyView {
        InvalidValueException.require("serial", serial);
        InvalidValueException.require("model", model);
        InvalidValueException.require("state", state);
        InvalidValueException.require("trace", trace);
        InvalidValueException.require("replaces", replaces);
        InvalidValueException.require("replacedBy", replacedBy);
        if ((state == WarrantyState.REPLACED) != replacedBy.isPresent()) {
            throw new InvalidValueException("replacedBy", "a view names its replacement exactly when its state is "
                    + "REPLACED, not " + state + " with " + replacedBy);
        }
        coverages = InvalidValueException.requireList("coverages", coverages);
        actions = InvalidValueException.requireSet("actions", actions);
        if (coverages.isEmpty()) {
            throw new InvalidValueException("coverages", "a warranty has at least one coverage");
        }
        if (replaces.isEmpty() && coverages.get(0).kind() != CoverageKind.STANDARD) {
            throw new InvalidValueException("coverages", "a warranty starts with its STANDARD coverage");
        }
        for (int i = 1; i < coverages.size(); i++) {
            if (!coverages.get(i - 1).isFollowedBy(coverages.get(i))) {
                throw new InvalidValueException("coverages", "coverage " + coverages.get(i)
                        + " does not start the day after " + coverages.get(i - 1));
            }
        }
    }

    /**
     * A view of a device that neither replaced another nor was replaced.
     *
     * @param serial    the device
     * @param model     its model
     * @param state     the warranty as a whole; not REPLACED
     * @param coverages the grants, STANDARD first
     * @param actions   what the owner may do next
     * @param trace     the deciding trace
     * @throws InvalidValueException as the canonical constructor
     */
    public WarrantyView(SerialNumber serial, String model, WarrantyState state, List<Coverage> coverages,
                        Set<Action> actions, DecisionTrace trace) {
        this(serial, model, state, coverages, actions, trace, Optional.empty(), Optional.empty());
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
