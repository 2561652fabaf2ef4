package org.warrantykit;

/** No order has this id. */
public final class UnknownOrderException extends WarrantyException {
    private final String orderId;

    public UnknownOrderException(String orderId) {
        super("No order with id " + orderId + " exists; check the id the purchase returned");
        this.orderId = orderId;
    }

    public String orderId() {
        return orderId;
    }
}
