package org.warrantykit;

import java.util.List;
import java.util.stream.Collectors;

/**
 * A rule set was refused: it does not compile, or its decisions fail validation. When this is
 * raised during a swap the previous rule set keeps serving.
 */
public final class RuleSetException extends WarrantyException {
    private final List<RuleProblem> problems;

    public RuleSetException(String summary, List<RuleProblem> problems) {
        super(summary + (problems.isEmpty() ? "" : ":\n" + problems.stream()
                .map(RuleProblem::toString).collect(Collectors.joining("\n  ", "  ", ""))));
        this.problems = List.copyOf(problems);
    }

    public RuleSetException(String summary, List<RuleProblem> problems, Throwable cause) {
        this(summary, problems);
        initCause(cause);
    }

    public List<RuleProblem> problems() {
        return problems;
    }
}
