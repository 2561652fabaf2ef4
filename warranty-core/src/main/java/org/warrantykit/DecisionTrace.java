package org.warrantykit;

import java.util.List;

/**
 * What explains a decision: the rule set that made it and the rules that fired, in firing order.
 */
public record DecisionTrace(String ruleSetVersion, List<String> firedRules) {
    public DecisionTrace {
        InvalidValueException.require("ruleSetVersion", ruleSetVersion);
        firedRules = List.copyOf(firedRules);
    }
}
