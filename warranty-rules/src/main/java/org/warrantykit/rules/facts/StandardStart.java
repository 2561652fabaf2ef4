package org.warrantykit.rules.facts;

import java.time.LocalDate;

/** Decision: the first day of the standard warranty. */
public record StandardStart(String serial, LocalDate start) implements DeviceScoped {
    /**
     * Validates the fact's fields.
     *
     * @throws InvalidFactException if a field breaks the fact's contract (for example a blank
     *                              serial or reason); the rule set reports it at the rule's line
     */
    public StandardStart {
        Require.notBlank("StandardStart", "serial", serial);
        Require.notNull("StandardStart", "start", start);
    }
}
