package org.warrantykit.rules.facts;

import java.time.LocalDate;

/** Decision: the first day of the standard warranty. */
public record StandardStart(String serial, LocalDate start) implements DeviceScoped {
    /**
     * Validates the fact's fields.
     *
     * @param serial the device's serial number, not blank
     * @param start  the first covered day, not null
     * @throws InvalidFactException if a field breaks the fact's contract (for example a blank
     *                              serial or reason); the rule set reports it at the rule's line
     */
    public StandardStart {
        Require.notBlank("StandardStart", "serial", serial);
        Require.notNull("StandardStart", "start", start);
    }
}
