package org.warrantykit.rules.facts;

import java.math.BigDecimal;

/** Classification: the list price of a term in EUR, before regional currency. */
public record BasePrice(String serial, int months, BigDecimal eur)
        implements DeviceScoped {
    /**
     * Validates the fact's fields.
     *
     * @param serial the device's serial number, not blank
     * @param months the term's length in months, positive
     * @param eur    the list price in EUR, not null, zero or more
     * @throws InvalidFactException if a field breaks the fact's contract (for example a blank
     *                              serial or reason); the rule set reports it at the rule's line
     */
    public BasePrice {
        Require.notBlank("BasePrice", "serial", serial);
        Require.positive("BasePrice", "months", months);
        Require.zeroOrMore("BasePrice", "eur", eur);
    }
}
