package org.warrantykit;

import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * An online purchase of extensions by one account, for one or more of its devices, in one
 * currency. Prices are locked in the lines when the order is placed; {@code total} is their sum.
 *
 * @param orderId          the order's id
 * @param account          the account that placed it
 * @param idempotencyKey   the key the client placed it with; unique per account
 * @param state            where it stands
 * @param lines            one per device, at least one, no device twice; unmodifiable
 * @param total            the sum of the lines' prices, in their one currency
 * @param createdAt        when it was placed
 * @param payBy            the last instant a payment confirmation is accepted, not before {@code createdAt}
 * @param paymentReference the host's payment reference, present exactly when PAID
 * @param closedAt         when it left PENDING_PAYMENT (paid, cancelled or expired); empty while pending
 */
public record Order(
        OrderId orderId,
        AccountId account,
        String idempotencyKey,
        OrderState state,
        List<OrderLine> lines,
        Money total,
        Instant createdAt,
        Instant payBy,
        Optional<String> paymentReference,
        Optional<Instant> closedAt) {

    /**
     * Checks that the order is consistent.
     *
     * @param orderId          the order's id
     * @param account          the account that placed it
     * @param idempotencyKey   the client's key
     * @param state            where it stands
     * @param lines            its lines; copied, so neither the list nor a line may be null (a null is an
     *                         InvalidValueException)
     * @param total            the lines' sum
     * @param createdAt        when it was placed
     * @param payBy            the payment deadline
     * @param paymentReference present exactly when PAID, else {@code Optional.empty()}
     * @param closedAt         present exactly when not PENDING_PAYMENT, else {@code Optional.empty()}
     * @throws InvalidValueException     if a value is null (an absent part is {@code Optional.empty()}),
     *                                   there are no lines or a device twice, {@code total} is not the
     *                                   lines' sum, {@code payBy} is before {@code createdAt}, or
     *                                   {@code paymentReference} or {@code closedAt} does not fit the state
     * @throws CurrencyMismatchException if the lines are priced in more than one currency
     */
    public Order {
        InvalidValueException.require("orderId", orderId);
        InvalidValueException.require("account", account);
        InvalidValueException.require("idempotencyKey", idempotencyKey);
        InvalidValueException.require("state", state);
        InvalidValueException.require("total", total);
        InvalidValueException.require("createdAt", createdAt);
        InvalidValueException.require("payBy", payBy);
        InvalidValueException.requireOptional("paymentReference", paymentReference);
        InvalidValueException.requireOptional("closedAt", closedAt);
        lines = InvalidValueException.requireList("lines", lines);
        if (lines.isEmpty()) {
            throw new InvalidValueException("lines", "order " + orderId + " has no lines");
        }
        Set<SerialNumber> serials = new HashSet<>();
        for (OrderLine line : lines) {
            if (!serials.add(line.serial())) {
                throw new InvalidValueException("lines", "device " + line.serial() + " appears twice in order " + orderId);
            }
        }
        Money sum = OrderLine.total(lines); // refuses a second currency
        if (!sum.equals(total)) {
            throw new InvalidValueException("total", "order " + orderId + " totals " + total
                    + " but its lines add up to " + sum);
        }
        if (payBy.isBefore(createdAt)) {
            throw new InvalidValueException("payBy", "order " + orderId + " is due " + payBy
                    + ", before it was placed " + createdAt);
        }
        if (paymentReference.isPresent() != (state == OrderState.PAID)) {
            throw new InvalidValueException("paymentReference", "a " + state + " order "
                    + (state == OrderState.PAID ? "needs" : "cannot have") + " a payment reference");
        }
        if (closedAt.isPresent() == (state == OrderState.PENDING_PAYMENT)) {
            throw new InvalidValueException("closedAt", "a " + state + " order "
                    + (state == OrderState.PENDING_PAYMENT ? "cannot have" : "needs") + " a closing time");
        }
    }

    /** @return the source every coverage bought with this order names, {@code CoverageSource.order(orderId)} */
    public CoverageSource coverageSource() {
        return CoverageSource.order(orderId);
    }

    /**
     * @param serial a device
     * @return the order's line for that device; empty when the order has none (also for null)
     */
    public Optional<OrderLine> line(SerialNumber serial) {
        return lines.stream().filter(l -> l.serial().equals(serial)).findFirst();
    }

    Order paid(String reference, Instant at) {
        return closed(OrderState.PAID, Optional.of(reference), at);
    }

    Order cancelled(Instant at) {
        return closed(OrderState.CANCELLED, Optional.empty(), at);
    }

    Order expired(Instant at) {
        return closed(OrderState.EXPIRED, Optional.empty(), at);
    }

    private Order closed(OrderState next, Optional<String> reference, Instant at) {
        if (state != OrderState.PENDING_PAYMENT) {
            throw new IllegalStateException("order " + orderId + " is " + state + ", not pending");
        }
        return new Order(orderId, account, idempotencyKey, next, lines, total, createdAt, payBy, reference,
                Optional.of(at));
    }
}
