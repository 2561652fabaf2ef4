package org.warrantykit.memory;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.warrantykit.AccountId;
import org.warrantykit.Order;
import org.warrantykit.OrderId;
import org.warrantykit.OrderState;
import org.warrantykit.spi.OrderStore;

/** Orders in maps; thread-safe without locks of its own, lost on restart. */
public final class InMemoryOrderStore implements OrderStore {
    private record Key(AccountId account, String idempotencyKey) {
    }

    private final ConcurrentMap<OrderId, Order> byId = new ConcurrentHashMap<>();
    /** Payment reference to the order it paid: one reference pays one order. */
    private final ConcurrentMap<String, OrderId> paidReferences = new ConcurrentHashMap<>();
    private final ConcurrentMap<Key, OrderId> byKey = new ConcurrentHashMap<>();

    @Override
    public Order placeIfAbsent(Order order) {
        Objects.requireNonNull(order, "order");
        if (order.state() != OrderState.PENDING_PAYMENT) {
            throw new IllegalArgumentException("a new order is PENDING_PAYMENT, " + order.orderId() + " is " + order.state());
        }
        // The order is stored before its key becomes visible, so whoever finds the key finds the order.
        OrderId id = byKey.computeIfAbsent(new Key(order.account(), order.idempotencyKey()), key -> {
            if (byId.putIfAbsent(order.orderId(), order) != null) {
                throw new IllegalStateException("order id " + order.orderId() + " is already taken");
            }
            return order.orderId();
        });
        return byId.get(id);
    }

    @Override
    public Optional<Order> find(OrderId orderId) {
        return Optional.ofNullable(byId.get(orderId));
    }

    @Override
    public Optional<Order> findByIdempotencyKey(AccountId account, String idempotencyKey) {
        return Optional.ofNullable(byKey.get(new Key(account, idempotencyKey))).map(byId::get);
    }

    @Override
    public List<Order> placedBy(AccountId account) {
        return byId.values().stream().filter(o -> o.account().equals(account))
                .sorted(Comparator.comparing(Order::createdAt).thenComparing(Order::orderId)).toList();
    }

    @Override
    public boolean transition(Order current, Order next) {
        if (!current.orderId().equals(next.orderId())) {
            throw new IllegalArgumentException("cannot turn order " + current.orderId() + " into " + next.orderId());
        }
        boolean[] changed = {false};
        byId.computeIfPresent(current.orderId(), (id, stored) -> {
            if (stored.state() != current.state()) {
                return stored;
            }
            Optional<String> reference = next.paymentReference();
            if (reference.isPresent()) {
                OrderId holder = paidReferences.putIfAbsent(reference.get(), id); // atomic across orders
                if (holder != null && !holder.equals(id)) {
                    return stored;
                }
            }
            changed[0] = true;
            return next;
        });
        return changed[0];
    }

    /**
     * The order paid under {@code paymentReference}.
     *
     * @param paymentReference a payment reference; a null is a NullPointerException
     * @return the order; empty when none was paid under it
     */
    @Override
    public Optional<Order> paidWith(String paymentReference) {
        return Optional.ofNullable(paidReferences.get(Objects.requireNonNull(paymentReference, "paymentReference")))
                .map(byId::get);
    }

    @Override
    public List<Order> overdue(Instant now) {
        return byId.values().stream()
                .filter(o -> o.state() == OrderState.PENDING_PAYMENT && o.payBy().isBefore(now))
                .sorted(Comparator.comparing(Order::payBy)).toList();
    }
}
