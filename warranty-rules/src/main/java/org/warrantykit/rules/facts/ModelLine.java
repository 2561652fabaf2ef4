package org.warrantykit.rules.facts;

/**
 * Classification: the model line a unit belongs to (e.g. {@code X1} for an X1-HYBRID-G4), for
 * rules that compare units, such as replacement rules refusing a unit of another line. The default
 * policy does not classify model lines; a rule set that does decides what a line is.
 *
 * @param serial the unit's serial number, not blank
 * @param line   the line's name, not blank
 */
public record ModelLine(String serial, String line) implements DeviceScoped {
    /**
     * Validates the fact's fields.
     *
     * @throws InvalidFactException if a field is blank; the rule set reports it at the rule's line
     */
    public ModelLine {
        Require.notBlank("ModelLine", "serial", serial);
        Require.notBlank("ModelLine", "line", line);
    }
}
