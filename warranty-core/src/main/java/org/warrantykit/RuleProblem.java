package org.warrantykit;


/**
 * One thing wrong with a rule set: where (file and line, line 0 when unknown) and what.
 * {@link #toString()} gives the conventional {@code file:line: message} form.
 *
 * @param file    the rule file, e.g. {@code pricing.drl}
 * @param line    the 1-based line; 0 when unknown
 * @param message what is wrong
 */
public record RuleProblem(String file, int line, String message) {
    /**
     * Checks the problem.
     *
     * @param file    the rule file
     * @param line    the line, 0 when unknown
     * @param message what is wrong
     * @throws InvalidValueException if {@code file} or {@code message} is null or {@code line} is negative
     */
    public RuleProblem {
        InvalidValueException.require("file", file);
        InvalidValueException.require("message", message);
        if (line < 0) {
            throw new InvalidValueException("line", "must be >= 0 (0 = unknown), was " + line);
        }
    }

    /** @return {@code file:line: message}, or {@code file: message} when the line is unknown */
    @Override
    public String toString() {
        return line > 0 ? file + ":" + line + ": " + message : file + ": " + message;
    }
}
