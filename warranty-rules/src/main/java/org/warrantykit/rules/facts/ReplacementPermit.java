package org.warrantykit.rules.facts;

/**
 * Decision: the replacement unit takes over the faulty unit's remaining warranty; {@code reason}
 * is a sentence for the back office. Any {@link ReplacementRefusal} outweighs it, and a swap no
 * rule decides is an incomplete rule set.
 */
public record ReplacementPermit(String serial, String reason) implements DeviceScoped {
    /**
     * Validates the fact's fields.
     *
     * @param serial the faulty unit's serial number ({@link ReplacementFact#serial()}), not blank
     * @param reason what lets the replacement carry the warranty; not blank
     * @throws InvalidFactException if a field breaks the fact's contract (for example a blank
     *                              serial or reason); the rule set reports it at the rule's line
     */
    public ReplacementPermit {
        Require.notBlank("ReplacementPermit", "serial", serial);
        Require.notBlank("ReplacementPermit", "reason", reason);
    }
}
