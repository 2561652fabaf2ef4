package org.warrantykit.spi;

import org.warrantykit.DecisionTrace;
import org.warrantykit.InvalidValueException;

/**
 * Whether the policy lets a replacement unit carry a faulty unit's warranty, and why.
 *
 * @param allowed whether the swap may go ahead
 * @param reason  a sentence for the back office; the refusal's message when not allowed
 * @param trace   the decision behind it
 */
public record ReplacementVerdict(boolean allowed, String reason, DecisionTrace trace) {
    /**
     * Validates the verdict.
     *
     * @throws InvalidValueException if a component is null or the reason is blank
     */
    public ReplacementVerdict {
        InvalidValueException.require("reason", reason);
        InvalidValueException.require("trace", trace);
        if (reason.isBlank()) {
            throw new InvalidValueException("reason", "a replacement verdict needs a reason");
        }
    }

    /**
     * @param reason why it is allowed
     * @param trace  the decision
     * @return an allowing verdict
     */
    public static ReplacementVerdict allow(String reason, DecisionTrace trace) {
        return new ReplacementVerdict(true, reason, trace);
    }

    /**
     * @param reason why it is refused, for the back office
     * @param trace  the decision
     * @return a refusing verdict
     */
    public static ReplacementVerdict refuse(String reason, DecisionTrace trace) {
        return new ReplacementVerdict(false, reason, trace);
    }
}
