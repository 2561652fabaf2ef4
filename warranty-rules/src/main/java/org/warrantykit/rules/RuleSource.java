package org.warrantykit.rules;

import java.util.Objects;

/** One DRL file of a rule set: its path as shown in problems, and its text. */
record RuleSource(String path, String text) {
    RuleSource {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(text, "text");
    }

    /** The 1-based line that declares {@code rule "name"}, or 0 when not found. */
    int lineOfRule(String ruleName) {
        String[] lines = text.split("\n", -1);
        String quoted = "\"" + ruleName + "\"";
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].strip();
            if (line.startsWith("rule") && line.contains(quoted)) {
                return i + 1;
            }
        }
        return 0;
    }
}
