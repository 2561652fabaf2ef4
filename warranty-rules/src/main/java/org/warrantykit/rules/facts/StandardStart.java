package org.warrantykit.rules.facts;

import java.time.LocalDate;

/** Decision: the first day of the standard warranty. */
public record StandardStart(String serial, LocalDate start) implements DeviceScoped {
    public StandardStart {
        Require.notBlank("StandardStart", "serial", serial);
        Require.notNull("StandardStart", "start", start);
    }
}
