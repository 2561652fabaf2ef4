package org.warrantykit;

/**
 * The order is not in a state that allows the call: paying an order that is cancelled, expired,
 * past its payment window or already paid under another reference; cancelling one that is paid or
 * expired. Nothing was changed.
 */
public final class OrderStateException extends WarrantyException {
    private final OrderId orderId;
    private final OrderState state;

    public OrderStateException(OrderId orderId, OrderState state, String message) {
        super(message);
        this.orderId = orderId;
        this.state = state;
    }

    public OrderId orderId() {
        return orderId;
    }

    /** The order's state when the call was refused. */
    public OrderState state() {
        return state;
    }
}
