package org.warrantykit.examples;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;
import org.warrantykit.Action;
import org.warrantykit.ClaimCheck;
import org.warrantykit.Coverage;
import org.warrantykit.Covered;
import org.warrantykit.UpgradeResult;
import org.warrantykit.WarrantyView;

/**
 * Plain-text rendering of warranty values, shared by the demo and the CLI. Every method returns
 * lines (without line separators) so callers print them to whatever stream they own.
 */
final class Views {
    private static final String INDENT = "  ";
    private static final String LABEL = "%-14s ";

    private Views() {
    }

    /** The warranty of one device; with {@code explain}, also the rule set and the rules that fired. */
    static List<String> warranty(WarrantyView view, boolean explain) {
        List<String> lines = new ArrayList<>();
        lines.add(row("Serial number", view.serial().value()));
        lines.add(row("Model", view.model()));
        lines.add(row("State", view.state().name()));
        lines.add(row("Warranty", span(view.start().toString(), view.end().toString())));
        List<Coverage> coverages = view.coverages();
        for (int i = 0; i < coverages.size(); i++) {
            Coverage c = coverages.get(i);
            lines.add(row(i == 0 ? "Coverages" : "", String.format("%-10s %s  (%s)  covers %s", c.kind(),
                    span(c.start().toString(), c.end().toString()), c.source().toString(), Covered.describe(c.covers()))));
        }
        view.replaces().ifPresent(faulty -> lines.add(row("Replaces", faulty)));
        view.replacedBy().ifPresent(replacement -> lines.add(row("Replaced by", replacement)));
        lines.add(row("Actions", actions(view)));
        if (explain) {
            lines.add(row("Rule set", view.trace().ruleSetVersion()));
            // Drools does not guarantee firing order; sorted, the output is reproducible.
            List<String> fired = view.trace().firedRules().stream().distinct().sorted().toList();
            if (fired.isEmpty()) {
                lines.add(row("Rules fired", "none"));
            }
            for (int i = 0; i < fired.size(); i++) {
                lines.add(row(i == 0 ? "Rules fired" : "", fired.get(i)));
            }
        }
        return lines;
    }

    /** A claim check: whether covered and for what, and the desk's sentence. */
    static List<String> claim(ClaimCheck claim) {
        return List.of(row("Covered", claim.covered() ? "yes, " + Covered.describe(claim.covers()) : "no"),
                row("Reason", claim.reason()));
    }

    /** The outcome of an upgrade request followed by the warranty it leaves. */
    static List<String> upgrade(UpgradeResult result, boolean explain) {
        List<String> lines = new ArrayList<>();
        lines.add(row("Upgrade", result.status().name()));
        lines.add(row("Reason", result.reason()));
        lines.addAll(warranty(result.view(), explain));
        return lines;
    }

    /** One line per device: the dashboard table. */
    static List<String> table(List<WarrantyView> views) {
        List<String> lines = new ArrayList<>();
        if (views.isEmpty()) {
            lines.add(INDENT + "(no devices)");
            return lines;
        }
        String format = INDENT + "%-16s %-14s %-9s %-10s  %-10s  %s";
        lines.add(String.format(format, "SERIAL", "MODEL", "STATE", "START", "END", "ACTIONS").stripTrailing());
        for (WarrantyView v : views) {
            lines.add(String.format(format, v.serial().value(), v.model(), v.state(), v.start(), v.end(),
                    actions(v)).stripTrailing());
        }
        return lines;
    }

    static String actions(WarrantyView view) {
        if (view.actions().isEmpty()) {
            return "none";
        }
        return view.actions().stream().sorted(Comparator.comparingInt(Action::ordinal)).map(Action::name)
                .collect(Collectors.joining(", "));
    }

    private static String span(String start, String end) {
        return start + " to " + end;
    }

    private static String row(String label, String value) {
        return (INDENT + String.format(LABEL, label) + value).stripTrailing();
    }
}
