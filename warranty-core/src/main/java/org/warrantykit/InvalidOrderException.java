package org.warrantykit;

/**
 * The order as asked for cannot be placed, whatever the devices' offers are: thrown by
 * {@link WarrantyService#purchase(AccountId, java.util.List, String)}. {@link #reason()} says what is
 * wrong. Nothing was ordered.
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

    /** What is wrong with the request. */
    private final Reason reason;

    /**
     * @param reason  what is wrong with the request
     * @param message what the client can do about it
     */
    public InvalidOrderException(Reason reason, String message) {
        super(message);
        this.reason = reason;
    }

    /** @return what is wrong with the request, as given to the constructor */
    public Reason reason() {
        return reason;
    }
}
