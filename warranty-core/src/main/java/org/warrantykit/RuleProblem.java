package org.warrantykit;


/**
 * One thing wrong with a rule set: where (file and line, line 0 when unknown) and what.
 * {@link #toString()} gives the conventional {@code file:line: message} form.
 */
public record RuleProblem(String file, int line, String message) {
    public RuleProblem {
        InvalidValueException.require("file", file);
        InvalidValueException.require("message", message);
        if (line < 0) {
            throw new InvalidValueException("line", "must be >= 0 (0 = unknown), was " + line);
        }
    }

    @Override
    public String toString() {
        return line > 0 ? file + ":" + line + ": " + message : file + ": " + message;
    }
}
