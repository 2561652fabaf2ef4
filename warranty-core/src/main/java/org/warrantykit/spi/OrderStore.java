package org.warrantykit.spi;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.warrantykit.AccountId;
import org.warrantykit.Order;
import org.warrantykit.OrderId;

/**
 * Orders for online extensions. Correctness rests on two atomic operations, so a database
 * implementation needs no locks beyond them: {@link #placeIfAbsent} (a unique constraint on
 * account + idempotency key) and {@link #transition} (an {@code UPDATE ... WHERE order_id = ? AND
 * state = ?} that reports whether it changed a row).
 */
public interface OrderStore {

    /**
     * Stores {@code order} unless the account already has an order with the same idempotency key;
     * returns the order stored under that key: {@code order} itself, or the earlier one (and then
     * nothing was written). Two concurrent calls with the same account and key store one order.
     *
     * @param order a new order, in state PENDING_PAYMENT
     * @return the order now stored under its account and idempotency key
     */
    Order placeIfAbsent(Order order);

    /**
     * The order with this id.
     *
     * @param orderId an order id, e.g. {@code O-...}
     * @return the order; empty when no order has this id
     */
    Optional<Order> find(OrderId orderId);

    /**
     * The account's order placed under this idempotency key.
     *
     * @param account        the account that placed it
     * @param idempotencyKey the key it was placed with (scoped to the account)
     * @return the order; empty when the account placed none under this key
     */
    Optional<Order> findByIdempotencyKey(AccountId account, String idempotencyKey);

    /**
     * The account's orders, oldest first.
     *
     * @param account the account that placed them
     * @return its orders, oldest first; empty when it placed none
     */
    List<Order> placedBy(AccountId account);

    /**
     * Compare-and-set: replaces the stored order with {@code next} (same id) if it is still in
     * {@code current.state()}; returns false and changes nothing otherwise. Of concurrent
     * transitions out of one state, exactly one succeeds. A payment reference pays one order: a
     * transition to PAID under a reference that already paid another order also returns false and
     * changes nothing, atomically with the check (a unique constraint in a database).
     *
     * @param current the order as the caller read it
     * @param next    the order to store in its place (same order id)
     * @return true if {@code next} was stored; false if the stored state is no longer
     *         {@code current.state()}, or its payment reference already paid another order
     */
    boolean transition(Order current, Order next);

    /**
     * The order that was paid under this payment reference, if any.
     *
     * @param paymentReference the host's payment reference, as given to {@code confirmPayment}
     * @return the order; empty when no order was paid under it
     */
    Optional<Order> paidWith(String paymentReference);

    /**
     * Orders still PENDING_PAYMENT whose {@code payBy} is before {@code now}.
     *
     * @param now the current time
     * @return the overdue orders; empty when none is overdue
     */
    List<Order> overdue(Instant now);
}
