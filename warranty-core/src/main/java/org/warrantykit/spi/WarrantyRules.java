package org.warrantykit.spi;

import java.util.List;
import org.warrantykit.DecisionTrace;

/**
 * The policy port: every eligibility, date and price decision the service needs comes from here.
 * The default implementation runs Drools rules (module warranty-rules); the testkit has a plain
 * Java one. Implementations must be thread-safe, deterministic for the same query and free of side
 * effects; the service validates what they return.
 */
public interface WarrantyRules {

    /**
     * Identifies this rule set in every {@link DecisionTrace}.
     *
     * @return the rule set's version label
     */
    String version();

    /**
     * Standard term, upgrade verdict and extension offers for one device on one day.
     *
     * @param query the device, the day and what the ledger holds for it
     * @return the decision, with its trace
     */
    PolicyDecision decide(PolicyQuery query);

    /**
     * The same as {@link #decide} for many devices, in query order. Implementations that pay a
     * per-call cost (an engine session) should evaluate the batch together.
     *
     * @param queries the queries
     * @return one decision per query, in query order
     */
    default List<PolicyDecision> decideAll(List<PolicyQuery> queries) {
        return queries.stream().map(this::decide).toList();
    }

    /** The rule named by {@link #judgeCode}'s default refusal. */
    String NO_CODE_RULES = "no code rules";

    /**
     * Whether an extension code or a promotion code may be applied to the device (called only for
     * codes that exist, are unused and not expired). A rule set without code rules refuses every
     * code; override this to accept codes.
     *
     * @param query the code, the device and the day
     * @return the acceptance or refusal; by default a refusal by rule {@link #NO_CODE_RULES}
     */
    default CodeDecision judgeCode(CodeQuery query) {
        return CodeDecision.refuse("This rule set has no code rules, so no code can be applied.", NO_CODE_RULES,
                new DecisionTrace(version(), List.of()));
    }

    /**
     * Whether a replacement unit may carry a faulty unit's remaining warranty (called only once the
     * service's own checks pass: same category, nothing granted to the replacement, the faulty unit
     * covered that day). A rule set without replacement rules allows every such swap; override this
     * to refuse some (for example a unit of another model line).
     *
     * @param query the two devices, the day and the line in force
     * @return the verdict; by default allowed
     */
    default ReplacementVerdict judgeReplacement(ReplacementQuery query) {
        return ReplacementVerdict.allow("This rule set has no replacement rules: a unit of the same category takes "
                + "over the remaining warranty.", new DecisionTrace(version(), List.of()));
    }
}
