package org.warrantykit.spi;

import org.warrantykit.DecisionTrace;
import org.warrantykit.InvalidValueException;

/**
 * The policy's answer to a {@link CodeQuery}.
 *
 * @param allowed whether the code may be applied to the device
 * @param reason  a sentence for the owner: what the code grants, or why it is refused
 * @param rule    the name of the rule that decided (several joined with "; " when more than one refused);
 *                shown in the refusal so that a rule author can find it
 * @param trace   the rule set and every rule that fired for this code
 */
public record CodeDecision(boolean allowed, String reason, String rule, DecisionTrace trace) {
    /**
     * Validates the decision.
     *
     * @param allowed whether the code may be applied
     * @param reason  the sentence for the owner
     * @param rule    the deciding rule
     * @param trace   the decision's trace
     * @throws InvalidValueException if {@code trace} is null
     *         or if {@code reason} or {@code rule} is null or blank
     */
    public CodeDecision {
        InvalidValueException.require("trace", trace);
        if (reason == null || reason.isBlank()) {
            throw new InvalidValueException("reason", "a code decision needs a reason");
        }
        if (rule == null || rule.isBlank()) {
            throw new InvalidValueException("rule", "a code decision names the rule that made it");
        }
    }

    /**
     * A decision that lets the code be applied.
     *
     * @param reason what the code grants, for the owner
     * @param rule   the rule that accepted it
     * @param trace  the rule set and fired rules
     * @return an allowing decision
     * @throws InvalidValueException if {@code reason} or {@code rule} is null or blank
     */
    public static CodeDecision allow(String reason, String rule, DecisionTrace trace) {
        return new CodeDecision(true, reason, rule, trace);
    }

    /**
     * A decision that refuses the code.
     *
     * @param reason why it is refused, for the owner
     * @param rule   the rule (or rules, joined with "; ") that refused it
     * @param trace  the rule set and fired rules
     * @return a refusing decision
     * @throws InvalidValueException if {@code reason} or {@code rule} is null or blank
     */
    public static CodeDecision refuse(String reason, String rule, DecisionTrace trace) {
        return new CodeDecision(false, reason, rule, trace);
    }
}
