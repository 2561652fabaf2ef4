package org.warrantykit;

import java.util.List;

/**
 * What explains a decision: the rule set that made it and the rules that fired, in firing order.
 *
 * @param ruleSetVersion the {@link org.warrantykit.spi.WarrantyRules#version()} of the rule set
 * @param firedRules     the names of the rules that fired, in firing order; unmodifiable, possibly empty
 */
public record DecisionTrace(String ruleSetVersion, List<String> firedRules) {
    /**
     * Copies the rule names.
     *
     * @param ruleSetVersion the rule set's version
     * @param firedRules     the rules that fired; copied, so neither the list nor a name may be null
     *                       (a null is an InvalidValueException)
     * @throws InvalidValueException if {@code ruleSetVersion} is null
     */
    public DecisionTrace {
        InvalidValueException.require("ruleSetVersion", ruleSetVersion);
        firedRules = InvalidValueException.requireList("firedRules", firedRules);
    }
}
