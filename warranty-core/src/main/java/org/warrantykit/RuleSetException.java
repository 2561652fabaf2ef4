package org.warrantykit;

import java.util.List;
import java.util.stream.Collectors;

/**
 * A rule set was refused: it does not compile, or its decisions fail validation. {@link #problems()}
 * lists what is wrong; the message lists them too. When this is raised during a swap the previous
 * rule set keeps serving.
 */
public final class RuleSetException extends WarrantyException {
    /** Each thing wrong with the rule set. */
    private final List<RuleProblem> problems;

    /**
     * @param summary  what was refused, e.g. which rule folder
     * @param problems each thing wrong, possibly none; copied, not null (a null is a NullPointerException)
     */
    public RuleSetException(String summary, List<RuleProblem> problems) {
        super(summary + (problems.isEmpty() ? "" : ":\n" + problems.stream()
                .map(RuleProblem::toString).collect(Collectors.joining("\n  ", "  ", ""))));
        this.problems = List.copyOf(problems);
    }

    /**
     * @param summary  what was refused, e.g. which rule folder
     * @param problems each thing wrong, possibly none; copied, not null (a null is a NullPointerException)
     * @param cause    the engine's or validator's error; may be null
     */
    public RuleSetException(String summary, List<RuleProblem> problems, Throwable cause) {
        this(summary, problems);
        initCause(cause);
    }

    /** @return each thing wrong with the rule set, unmodifiable; empty when only the summary is known */
    public List<RuleProblem> problems() {
        return problems;
    }
}
