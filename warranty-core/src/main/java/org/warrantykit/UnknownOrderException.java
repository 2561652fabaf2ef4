package org.warrantykit;

/** No order has this id. */
public final class UnknownOrderException extends WarrantyException {
    private final OrderId orderId;

    public UnknownOrderException(OrderId orderId) {
        super("No order with id " + orderId + " exists; check the id the purchase returned");
        this.orderId = orderId;
    }

    public OrderId orderId() {
        return orderId;
    }
}
