package org.warrantykit.rules.facts;

/**
 * Decision: the replacement unit may not carry the faulty unit's warranty, and why (the end of the
 * refusal's message: "Device A cannot be replaced by B: reason"). A refusal outweighs any permit;
 * every refusal that applies is given, sorted and joined.
 */
public record ReplacementRefusal(String serial, String reason) implements DeviceScoped {
    /**
     * Validates the fact's fields.
     *
     * @param serial the faulty unit's serial number ({@link ReplacementFact#serial()}), not blank
     * @param reason why the swap is refused, a sentence for the back office; not blank
     * @throws InvalidFactException if a field breaks the fact's contract (for example a blank
     *                              serial or reason); the rule set reports it at the rule's line
     */
    public ReplacementRefusal {
        Require.notBlank("ReplacementRefusal", "serial", serial);
        Require.notBlank("ReplacementRefusal", "reason", reason);
    }
}
