package org.warrantykit.spi;

import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.warrantykit.CoverageKind;
import org.warrantykit.Covered;
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
 * @param covers  for an allowed code, the scope of each kind of line it may grant (EXTENSION for an
 *                extension code; PROMOTION, and UPGRADE for a campaign restoring the upgrade); empty
 *                for a refusal; unmodifiable
 */
public record CodeDecision(boolean allowed, String reason, String rule, DecisionTrace trace,
                           Map<CoverageKind, Set<Covered>> covers) {
    /**
     * Validates the decision.
     *
     * @param allowed whether the code may be applied
     * @param reason  the sentence for the owner
     * @param rule    the deciding rule
     * @param trace   the decision's trace
     * @param covers  the scope per kind of line; copied, each scope non-empty
     * @throws InvalidValueException if {@code trace} or {@code covers} is null, a scope is empty,
     *         a refusal has scopes, or {@code reason} or {@code rule} is null or blank
     */
    public CodeDecision {
        InvalidValueException.require("trace", trace);
        InvalidValueException.require("covers", covers);
        if (!allowed && !covers.isEmpty()) {
            throw new InvalidValueException("covers", "a refused code grants nothing, so covers nothing, was " + covers);
        }
        EnumMap<CoverageKind, Set<Covered>> copy = new EnumMap<>(CoverageKind.class);
        covers.forEach((kind, scope) -> copy.put(InvalidValueException.require("covers", kind), Covered.scope(scope)));
        covers = java.util.Collections.unmodifiableMap(copy);
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
     * @param covers the scope of each kind of line the code may grant
     * @return an allowing decision
     * @throws InvalidValueException if {@code reason} or {@code rule} is null or blank, or a scope empty
     */
    public static CodeDecision allow(String reason, String rule, DecisionTrace trace,
                                     Map<CoverageKind, Set<Covered>> covers) {
        return new CodeDecision(true, reason, rule, trace, covers);
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
        return new CodeDecision(false, reason, rule, trace, Map.of());
    }

    /**
     * The scope the rules gave lines of this kind.
     *
     * @param kind the kind of line granted
     * @return its scope; empty when the rules decided none
     */
    public Optional<Set<Covered>> scopeOf(CoverageKind kind) {
        return Optional.ofNullable(covers.get(kind));
    }
}
