package org.warrantykit.jdbc;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import javax.sql.DataSource;
import org.warrantykit.AccountId;
import org.warrantykit.DecisionTrace;
import org.warrantykit.Money;
import org.warrantykit.Order;
import org.warrantykit.OrderId;
import org.warrantykit.OrderLine;
import org.warrantykit.OrderState;
import org.warrantykit.SerialNumber;
import org.warrantykit.spi.OrderStore;

/**
 * Orders in {@code wk_order} and {@code wk_order_line}. {@link #placeIfAbsent} relies on the unique
 * constraint on (account, idempotency key); {@link #transition} is {@code UPDATE ... WHERE order_id = ?
 * AND state = ?} and reports whether it changed the row. Lines never change once placed; a line
 * placed before scopes were recorded (its {@code covers} column NULL) reads with an empty
 * {@link OrderLine#covers()}. Get one from {@link JdbcWarrantyStores#orders}; thread-safe.
 */
public final class JdbcOrderStore implements OrderStore {
    private static final String ORDER_COLUMNS = "order_id, account_id, idempotency_key, state, total_amount, "
            + "currency, created_at, pay_by, payment_reference, closed_at";

    private final Jdbc jdbc;

    JdbcOrderStore(DataSource dataSource) {
        this.jdbc = new Jdbc(dataSource);
    }

    /**
     * Inserts the order and its lines in one transaction, unless the account already has an order
     * with the same idempotency key.
     *
     * @param order a new order, PENDING_PAYMENT
     * @return {@code order} if it was stored; else the earlier order of that key (nothing written)
     * @throws IllegalArgumentException if {@code order} is not PENDING_PAYMENT
     * @throws IllegalStateException    if its order id is taken by an order of another key
     * @throws NullPointerException if {@code order} is null
     * @throws JdbcStoreException if the database fails
     */
    @Override
    public Order placeIfAbsent(Order order) {
        Objects.requireNonNull(order, "order");
        if (order.state() != OrderState.PENDING_PAYMENT) {
            throw new IllegalArgumentException("a new order is PENDING_PAYMENT, " + order.orderId() + " is " + order.state());
        }
        boolean stored = jdbc.insertUnlessTaken("place order " + order.orderId(), c -> {
            insert(c, order);
        });
        if (stored) {
            return order;
        }
        return findByIdempotencyKey(order.account(), order.idempotencyKey())
                .orElseThrow(() -> new IllegalStateException("order id " + order.orderId() + " is already taken"));
    }

    /**
     * The order with this id, with its lines.
     *
     * @param orderId the order's id
     * @return the order; empty when none has this id
     * @throws NullPointerException if {@code orderId} is null
     * @throws JdbcStoreException if the database fails
     */
    @Override
    public Optional<Order> find(OrderId orderId) {
        Objects.requireNonNull(orderId, "orderId");
        return first(select("WHERE order_id = ?", s -> s.setString(1, orderId.value())));
    }

    /**
     * The account's order placed with this idempotency key.
     *
     * @param account the account
     * @param idempotencyKey the client's key, exactly as given
     * @return the order; empty when the account placed none with this key
     * @throws NullPointerException if {@code account} or {@code idempotencyKey} is null
     * @throws JdbcStoreException if the database fails
     */
    @Override
    public Optional<Order> findByIdempotencyKey(AccountId account, String idempotencyKey) {
        Objects.requireNonNull(account, "account");
        Objects.requireNonNull(idempotencyKey, "idempotencyKey");
        return first(select("WHERE account_id = ? AND idempotency_key = ?", s -> {
            s.setString(1, account.value());
            s.setString(2, idempotencyKey);
        }));
    }

    /**
     * The account's orders, oldest first (then by order id).
     *
     * @param account the account
     * @return its orders in every state; empty when none
     * @throws NullPointerException if {@code account} is null
     * @throws JdbcStoreException if the database fails
     */
    @Override
    public List<Order> placedBy(AccountId account) {
        Objects.requireNonNull(account, "account");
        return select("WHERE account_id = ? ORDER BY created_at, order_id", s -> s.setString(1, account.value()));
    }

    /**
     * Moves the stored order to {@code next}'s state, payment reference and closing time, if it is still
     * in {@code current.state()}; one conditional update.
     *
     * @param current the order as read
     * @param next the same order in its new state
     * @return true if the row changed; false (nothing written) when the order has left {@code current}'s state
     *         or does not exist
     * @throws IllegalArgumentException if the two have different order ids
     * @throws NullPointerException if {@code current} or {@code next} is null
     * @throws JdbcStoreException if the database fails
     */
    @Override
    public boolean transition(Order current, Order next) {
        if (!current.orderId().equals(next.orderId())) {
            throw new IllegalArgumentException("cannot turn order " + current.orderId() + " into " + next.orderId());
        }
        // A payment reference that already paid another order hits wk_order_one_per_payment: not moved.
        return jdbc.unlessTaken("move order " + current.orderId() + " to " + next.state(), c -> Jdbc.update(c,
                "UPDATE wk_order SET state = ?, payment_reference = ?, closed_at = ? WHERE order_id = ? AND state = ?",
                s -> {
                    s.setString(1, next.state().name());
                    s.setString(2, next.paymentReference().orElse(null));
                    Jdbc.setInstant(s, 3, next.closedAt().orElse(null));
                    s.setString(4, current.orderId().value());
                    s.setString(5, current.state().name());
                }) == 1, false);
    }

    /**
     * The order paid under {@code paymentReference}.
     *
     * @param paymentReference a payment reference; a null is a NullPointerException
     * @return the order; empty when none was paid under it
     * @throws JdbcStoreException if the database fails
     */
    @Override
    public Optional<Order> paidWith(String paymentReference) {
        Objects.requireNonNull(paymentReference, "paymentReference");
        return first(select("WHERE payment_reference = ?", s -> s.setString(1, paymentReference)));
    }

    /**
     * Orders still PENDING_PAYMENT whose payment deadline is before {@code now}.
     *
     * @param now the service clock's instant
     * @return those orders, earliest deadline first; empty when none
     * @throws NullPointerException if {@code now} is null
     * @throws JdbcStoreException if the database fails
     */
    @Override
    public List<Order> overdue(Instant now) {
        Objects.requireNonNull(now, "now");
        return select("WHERE state = 'PENDING_PAYMENT' AND pay_by < ? ORDER BY pay_by, order_id",
                s -> Jdbc.setInstant(s, 1, now));
    }

    private static void insert(Connection c, Order order) throws SQLException {
        Jdbc.update(c, "INSERT INTO wk_order (" + ORDER_COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", s -> {
            s.setString(1, order.orderId().value());
            s.setString(2, order.account().value());
            s.setString(3, order.idempotencyKey());
            s.setString(4, order.state().name());
            s.setBigDecimal(5, order.total().amount());
            s.setString(6, order.total().currency().getCurrencyCode());
            Jdbc.setInstant(s, 7, order.createdAt());
            Jdbc.setInstant(s, 8, order.payBy());
            s.setString(9, order.paymentReference().orElse(null));
            Jdbc.setInstant(s, 10, order.closedAt().orElse(null));
        });
        try (PreparedStatement s = c.prepareStatement("INSERT INTO wk_order_line (order_id, line_no, serial, offer_id, "
                + "months, price_amount, currency, rule_set_version, fired_rules, covers) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            int lineNo = 0;
            for (OrderLine line : order.lines()) {
                s.setString(1, order.orderId().value());
                s.setInt(2, lineNo++);
                s.setString(3, line.serial().value());
                s.setString(4, line.offerId());
                s.setInt(5, line.months());
                s.setBigDecimal(6, line.price().amount());
                s.setString(7, line.price().currency().getCurrencyCode());
                s.setString(8, line.pricedBy().ruleSetVersion());
                Jdbc.setNames(s, 9, line.pricedBy().firedRules());
                Jdbc.setCovers(s, 10, line.covers());
                s.addBatch();
            }
            s.executeBatch();
        }
    }

    private record Head(String orderId, AccountId account, String key, OrderState state, Money total, Instant createdAt,
                        Instant payBy, Optional<String> reference, Optional<Instant> closedAt) {
    }

    /** Orders matching {@code where} (on wk_order), with their lines, read in one transaction. */
    private List<Order> select(String where, Jdbc.Binder binder) {
        return jdbc.transaction("read orders", c -> {
            List<Head> heads = Jdbc.query(c, "SELECT " + ORDER_COLUMNS + " FROM wk_order " + where, binder,
                    JdbcOrderStore::head);
            List<Order> orders = new ArrayList<>(heads.size());
            for (Head head : heads) {
                List<OrderLine> lines = Jdbc.query(c, "SELECT serial, offer_id, months, price_amount, currency, "
                        + "rule_set_version, fired_rules, covers FROM wk_order_line WHERE order_id = ? ORDER BY line_no",
                        s -> s.setString(1, head.orderId()), JdbcOrderStore::line);
                orders.add(new Order(new OrderId(head.orderId()), head.account(), head.key(), head.state(), lines, head.total(),
                        head.createdAt(), head.payBy(), head.reference(), head.closedAt()));
            }
            return orders;
        });
    }

    private static Optional<Order> first(List<Order> orders) {
        return orders.isEmpty() ? Optional.empty() : Optional.of(orders.get(0));
    }

    private static Head head(ResultSet r) throws SQLException {
        Currency currency = Currency.getInstance(r.getString("currency").strip());
        return new Head(r.getString("order_id"), AccountId.of(r.getString("account_id")), r.getString("idempotency_key"),
                OrderState.valueOf(r.getString("state")), Money.of(r.getBigDecimal("total_amount")
                .stripTrailingZeros(), currency), Jdbc.getInstant(r, "created_at"), Jdbc.getInstant(r, "pay_by"),
                Optional.ofNullable(r.getString("payment_reference")),
                Optional.ofNullable(Jdbc.getInstant(r, "closed_at")));
    }

    private static OrderLine line(ResultSet r) throws SQLException {
        Currency currency = Currency.getInstance(r.getString("currency").strip());
        return new OrderLine(new SerialNumber(r.getString("serial")), r.getString("offer_id"), r.getInt("months"),
                Money.of(r.getBigDecimal("price_amount").stripTrailingZeros(), currency),
                new DecisionTrace(r.getString("rule_set_version"), Jdbc.getNames(r, "fired_rules")),
                Jdbc.getCovers(r, "covers").orElse(Set.of()));
    }
}
