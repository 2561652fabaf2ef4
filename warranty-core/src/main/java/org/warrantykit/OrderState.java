package org.warrantykit;

/**
 * Where an order stands. Every order starts PENDING_PAYMENT and moves at most once, to one of
 * the three final states.
 */
public enum OrderState {
    /** Placed, price locked, waiting for the host to confirm payment before {@code payBy}. */
    PENDING_PAYMENT,
    /** Payment confirmed; the extensions were applied (once). */
    PAID,
    /** Cancelled by the account that placed it while it was pending. */
    CANCELLED,
    /** Not paid within the payment window. */
    EXPIRED
}
