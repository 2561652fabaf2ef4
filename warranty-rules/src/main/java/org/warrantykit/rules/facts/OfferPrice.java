package org.warrantykit.rules.facts;

import java.math.BigDecimal;

/** Decision: an extension of {@code months} is offered at {@code amount} in {@code currency} (ISO 4217), VAT excluded. */
public record OfferPrice(
        String serial,
        int months,
        BigDecimal amount,
        String currency) implements DeviceScoped {
    /**
     * Validates the fact's fields.
     *
     * @throws InvalidFactException if a field breaks the fact's contract (for example a blank
     *                              serial or reason); the rule set reports it at the rule's line
     */
    public OfferPrice {
        Require.notBlank("OfferPrice", "serial", serial);
        Require.positive("OfferPrice", "months", months);
        Require.zeroOrMore("OfferPrice", "amount", amount);
        Require.currencyCode("OfferPrice", "currency", currency);
    }
}
