package org.warrantykit;

/** A value object was given data it cannot hold (blank account id, unknown currency, ...). */
public final class InvalidValueException extends WarrantyException {
    private final String field;

    public InvalidValueException(String field, String message) {
        super(field + ": " + message);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
