package org.warrantykit.rules.facts;

import java.math.BigDecimal;

/** Decision: an extension of {@code months} is offered at {@code amount} in {@code currency} (ISO 4217), VAT excluded. */
public record OfferPrice(
        String serial,
        int months,
        BigDecimal amount,
        String currency) implements DeviceScoped {
    public OfferPrice {
        Require.notBlank("OfferPrice", "serial", serial);
        Require.positive("OfferPrice", "months", months);
        Require.zeroOrMore("OfferPrice", "amount", amount);
        Require.currencyCode("OfferPrice", "currency", currency);
    }
}
