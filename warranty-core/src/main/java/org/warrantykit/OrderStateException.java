package org.warrantykit;

/**
 * The order is not in a state that allows the call: paying an order that is cancelled, expired,
 * past its payment window or already paid under another reference; cancelling one that is paid or
 * expired. Nothing was changed.
 */
public final class OrderStateException extends WarrantyException {
    /** The order. */
    private final OrderId orderId;
    /** Its state when the call was refused. */
    private final OrderState state;

    /**
     * @param orderId the order
     * @param state   its state when the call was refused
     * @param message what happened and what to do (e.g. refund the payment)
     */
    public OrderStateException(OrderId orderId, OrderState state, String message) {
        super(message);
        this.orderId = orderId;
        this.state = state;
    }

    /** @return the order the call was refused for */
    public OrderId orderId() {
        return orderId;
    }

    /** @return the order's state when the call was refused */
    public OrderState state() {
        return state;
    }
}
