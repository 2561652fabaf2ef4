package org.warrantykit;

/** No order has this id; thrown by the order operations of {@link WarrantyService}. */
public final class UnknownOrderException extends WarrantyException {
    /** The id looked up. */
    private final OrderId orderId;

    /** @param orderId the id that was looked up */
    public UnknownOrderException(OrderId orderId) {
        super("No order with id " + orderId + " exists; check the id the purchase returned");
        this.orderId = orderId;
    }

    /** @return the id that was looked up */
    public OrderId orderId() {
        return orderId;
    }
}
