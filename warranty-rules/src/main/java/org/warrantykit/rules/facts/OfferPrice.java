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
     * @param serial   the device's serial number, not blank
     * @param months   the extension's length in months, positive
     * @param amount   the price, VAT excluded; not null, zero or more
     * @param currency an ISO 4217 code of three capital letters
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
