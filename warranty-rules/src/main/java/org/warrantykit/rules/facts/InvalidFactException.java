package org.warrantykit.rules.facts;

/**
 * A rule tried to create an output fact that breaks the fact's contract (a blank reason, a negative
 * price, ...). Thrown by the fact's constructor inside the rule's consequence; the rule set reports
 * it as a {@code RuleSetException} at the rule's file and line, naming the device.
 */
public final class InvalidFactException extends IllegalArgumentException {
    /** Simple name of the fact type. */
    private final String fact;
    /** Name of the offending field. */
    private final String field;
    private final transient Object value;

    InvalidFactException(String fact, String field, Object value, String requirement) {
        super(fact + "." + field + " " + requirement + " (was " + value + ")");
        this.fact = fact;
        this.field = field;
        this.value = value;
    }

    /**
     * Simple name of the fact type, e.g. {@code OfferPrice}.
     *
     * @return the fact type's simple name
     */
    public String fact() {
        return fact;
    }

    /**
         * The field that broke the contract, e.g. {@code reason}.
         *
         * @return the field name
         */
    public String field() {
        return field;
    }

    /**
     * The offending value as given; may be null when the field was missing.
     *
     * @return the value, a text one in quotes; null when the field was missing
     */
    public Object value() {
        return value;
    }
}
