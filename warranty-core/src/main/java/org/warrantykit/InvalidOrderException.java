package org.warrantykit;

/**
 * The order as asked for cannot be placed, whatever the devices' offers are. Nothing was ordered.
 */
public final class InvalidOrderException extends WarrantyException {

    /** What is wrong with the request. */
    public enum Reason {
        /** No device selected. */
        NO_LINES,
        /** The same device selected twice. */
        DUPLICATE_DEVICE,
        /** The devices are priced in different currencies; an order is paid in one. */
        MIXED_CURRENCIES,
        /** The idempotency key already placed a different order for this account. */
        IDEMPOTENCY_KEY_REUSED
    }

    private final Reason reason;

    public InvalidOrderException(Reason reason, String message) {
        super(message);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
