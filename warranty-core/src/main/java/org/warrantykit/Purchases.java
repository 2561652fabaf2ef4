package org.warrantykit;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Currency;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.warrantykit.DeviceWarranties.Snapshot;
import org.warrantykit.InvalidOrderException.Reason;
import org.warrantykit.spi.LedgerEntry;
import org.warrantykit.spi.OfferTerm;
import org.warrantykit.spi.OrderStore;
import org.warrantykit.spi.Transactions;
import org.warrantykit.spi.WarrantyRules;

/**
 * Online extension purchase ("Wty Extend"): offers priced by the policy, orders with the price
 * locked when placed, and the extension applied exactly once when the host confirms payment.
 *
 * <p>Exactly once without locks: an order leaves PENDING_PAYMENT by one compare-and-set in the
 * {@link OrderStore}, and each line is applied by an optimistic ledger append that first looks for
 * the coverage the order already granted (its source names the order). Whoever confirms, however
 * often and from however many threads, the ledger gets one EXTENSION per line.
 *
 * <p>Placing and confirming each run as one {@link Transactions unit of work}: with durable stores
 * the order turns PAID in the same transaction that appends its extensions, so a crash leaves the
 * order pending (and payable) or paid and extended, never paid without its coverage.
 */
final class Purchases {
    private static final Logger LOG = LoggerFactory.getLogger(Purchases.class);
    static final Duration DEFAULT_PAYMENT_WINDOW = Duration.ofDays(7);
    /** Longest idempotency key or payment reference accepted (fits a VARCHAR(255) column). */
    static final int MAX_TOKEN_LENGTH = 255;
    /** Said when a rule set gives neither offers nor a reason (the shipped rule sets always give one). */
    private static final String NO_REASON_GIVEN = "The rule set gives no reason.";

    private final DeviceWarranties warranties;
    private final OrderStore orders;
    private final Duration paymentWindow;
    private final Transactions transactions;

    Purchases(DeviceWarranties warranties, OrderStore orders, Duration paymentWindow, Transactions transactions) {
        this.warranties = warranties;
        this.orders = orders;
        this.paymentWindow = paymentWindow;
        this.transactions = transactions;
    }

    /** A requested line: the parsed serial and the normalized offer id. */
    private record Wanted(SerialNumber serial, String offerId) {
    }

    List<ExtensionOffer> offers(AccountId account, String serial) {
        Device device = warranties.ownedDevice(account, serial);
        return offersOf(warranties.snapshot(device, warranties.rules(), warranties.today()));
    }

    /** The snapshot's offers; none unless the view shows BUY_EXTENSION, so the two always agree. */
    private static List<ExtensionOffer> offersOf(Snapshot snapshot) {
        if (!snapshot.view().actions().contains(Action.BUY_EXTENSION)) {
            return List.of();
        }
        LocalDate end = snapshot.view().end();
        return snapshot.decision().offers().stream()
                .sorted(Comparator.comparingInt(OfferTerm::months))
                .map(t -> new ExtensionOffer(ExtensionOffer.idFor(t.months()), t.months(), t.price(),
                        end.plusMonths(t.months()), t.covers()))
                .toList();
    }

    Order purchase(AccountId account, List<OfferSelection> selections, String idempotencyKey) {
        InvalidValueException.require("account", account);
        String key = token("idempotencyKey", idempotencyKey);
        List<Wanted> wanted = parse(selections);
        return transactions.inTransaction(() -> place(account, wanted, key));
    }

    private Order place(AccountId account, List<Wanted> wanted, String key) {
        Optional<Order> earlier = orders.findByIdempotencyKey(account, key);
        if (earlier.isPresent()) {
            return sameRequest(earlier.get(), wanted);
        }

        WarrantyRules policy = warranties.rules();
        LocalDate today = warranties.today();
        List<Device> devices = new ArrayList<>(wanted.size());
        for (Wanted w : wanted) {
            devices.add(warranties.ownedDevice(account, w.serial().value()));
        }
        List<Snapshot> snapshots = warranties.snapshots(devices, policy, today);
        List<OrderLine> lines = new ArrayList<>(wanted.size());
        for (int i = 0; i < wanted.size(); i++) {
            lines.add(line(snapshots.get(i), wanted.get(i).offerId()));
        }
        Money total = total(lines);

        Instant now = warranties.clock().instant();
        Order placed = new Order(OrderId.random(), account, key,
                OrderState.PENDING_PAYMENT, lines, total, now, now.plus(paymentWindow), Optional.empty(),
                Optional.empty());
        Order stored = orders.placeIfAbsent(placed);
        if (!stored.orderId().equals(placed.orderId())) {
            return sameRequest(stored, wanted); // a concurrent call with the same key won
        }
        LOG.info("order {} placed by {}: {} for {}, pay by {}", placed.orderId(), account, describe(lines), total,
                placed.payBy());
        return placed;
    }

    Order confirmPayment(OrderId orderId, String paymentReference) {
        OrderId id = InvalidValueException.require("orderId", orderId);
        String reference = token("paymentReference", paymentReference);
        return transactions.inTransaction(() -> confirm(id, reference));
    }

    private Order confirm(OrderId id, String reference) {
        while (true) {
            Order order = find(id);
            switch (order.state()) {
                case PAID -> {
                    String paidWith = order.paymentReference().orElseThrow();
                    if (!paidWith.equals(reference)) {
                        throw new OrderStateException(id, order.state(), "Order " + id + " is already paid (payment "
                                + paidWith + "); payment " + reference + " was not applied and should be refunded");
                    }
                    // completes a confirmation that failed half-way; applies nothing twice
                    WarrantyRules policy = warranties.rules();
                    applyLines(order, policy, prepare(order, policy));
                    return order;
                }
                case CANCELLED, EXPIRED -> throw new OrderStateException(id, order.state(), "Order " + id + " is "
                        + order.state() + " since " + order.closedAt().orElseThrow() + " and can no longer be paid; "
                        + "payment " + reference + " was not applied and should be refunded");
                case PENDING_PAYMENT -> {
                    Instant now = warranties.clock().instant();
                    if (now.isAfter(order.payBy())) {
                        throw new OrderStateException(id, order.state(), "Order " + id + " had to be paid by "
                                + order.payBy() + " and can no longer be paid; payment " + reference
                                + " was not applied and should be refunded");
                    }
                    Optional<Order> holder = orders.paidWith(reference);
                    if (holder.isPresent() && !holder.get().orderId().equals(id)) {
                        LOG.warn("payment {} offered for order {} already paid order {}: refused, suspicious",
                                reference, id, holder.get().orderId());
                        throw new OrderStateException(id, order.state(), "Payment " + reference + " already paid "
                                + "another order; one payment pays one order. Order " + id + " stays unpaid: check "
                                + "the payment with your provider");
                    }
                    Order paid = order.paid(reference, now);
                    // Decided before the order turns PAID: a policy failing for a line then leaves the
                    // order payable, where in memory nothing could take the PAID back.
                    WarrantyRules policy = warranties.rules();
                    List<Grant> grants = prepare(paid, policy);
                    if (orders.transition(order, paid)) {
                        applyLines(paid, policy, grants);
                        LOG.info("order {} paid ({}): {} applied", id, reference, describe(paid.lines()));
                        return paid;
                    }
                    // someone else moved the order out of PENDING_PAYMENT first, or the reference was just
                    // taken by another order: decide again on what is stored now
                }
            }
        }
    }

    Order cancel(AccountId account, OrderId orderId) {
        InvalidValueException.require("account", account);
        Order order = owned(account, InvalidValueException.require("orderId", orderId));
        while (true) {
            switch (order.state()) {
                case CANCELLED -> {
                    return order;
                }
                case PAID, EXPIRED -> throw new OrderStateException(order.orderId(), order.state(), "Order "
                        + order.orderId() + " is " + order.state() + " and can no longer be cancelled");
                case PENDING_PAYMENT -> {
                    Order cancelled = order.cancelled(warranties.clock().instant());
                    if (orders.transition(order, cancelled)) {
                        LOG.info("order {} cancelled by {}", order.orderId(), account);
                        return cancelled;
                    }
                    order = find(order.orderId());
                }
            }
        }
    }

    int expireOverdueOrders() {
        // One unit of work: with durable stores a failure part-way expires none of them (a call that
        // fails changes nothing); in memory the orders expired before it stay expired, and a repeat
        // expires the rest.
        return transactions.inTransaction(() -> {
            Instant now = warranties.clock().instant();
            int expired = 0;
            for (Order order : orders.overdue(now)) {
                if (orders.transition(order, order.expired(now))) {
                    expired++;
                    LOG.info("order {} expired unpaid (pay by {})", order.orderId(), order.payBy());
                }
            }
            return expired;
        });
    }

    Order order(AccountId account, OrderId orderId) {
        InvalidValueException.require("account", account);
        return owned(account, InvalidValueException.require("orderId", orderId));
    }

    List<Order> orders(AccountId account) {
        return orders.placedBy(InvalidValueException.require("account", account));
    }

    /** A line's grant as decided: the device's snapshot and the entries to append, none when applied already. */
    private record Grant(OrderLine line, Snapshot at, List<LedgerEntry> added) {
    }

    /**
     * Decides every line's grant: the policy is asked, and the entries made, before anything is
     * written. Lines go in serial-number order: two orders of the same devices, paid at the same
     * moment, then append (and lock) the devices' ledgers in the same order instead of each waiting
     * for the other.
     */
    private List<Grant> prepare(Order order, WarrantyRules policy) {
        return order.lines().stream().sorted(Comparator.comparing(OrderLine::serial))
                .map(line -> grant(line, order.coverageSource(), policy)).toList();
    }

    private Grant grant(OrderLine line, CoverageSource source, WarrantyRules policy) {
        // A unit swapped since the order was placed: the customer paid for the cover, which moved to
        // the unit that carries it now (the end of the chain of replacements).
        Snapshot now = warranties.snapshot(warranties.device(warranties.carrying(line.serial())), policy,
                warranties.today());
        boolean applied = now.entries().stream().map(LedgerEntry::coverage)
                .anyMatch(c -> c.kind() == CoverageKind.EXTENSION && c.source().equals(source));
        return new Grant(line, now, applied ? List.of()
                : warranties.grant(now, CoverageKind.EXTENSION, line.months(), source,
                        line.covers().isEmpty() ? now.view().coverages().get(0).covers() : line.covers(),
                        line.pricedBy()));
    }

    /**
     * Appends each prepared grant unless the ledger already holds the one this order granted. Only
     * when another caller appended to the device first is the line decided again.
     */
    private void applyLines(Order order, WarrantyRules policy, List<Grant> prepared) {
        CoverageSource source = order.coverageSource();
        for (Grant first : prepared) {
            warranties.retrying(first.at().device().serial(), "applying " + source, first,
                    () -> grant(first.line(), source, policy), attempt -> {
                if (attempt.added().isEmpty()) {
                    return Optional.of(false);
                }
                return warranties.append(attempt.at(), attempt.added()) ? Optional.of(true) : Optional.empty();
            });
        }
    }

    private static OrderLine line(Snapshot snapshot, String offerId) {
        SerialNumber sn = snapshot.device().serial();
        List<ExtensionOffer> offers = offersOf(snapshot);
        List<String> ids = offers.stream().map(ExtensionOffer::offerId).toList();
        if (offers.isEmpty()) {
            String why = snapshot.decision().noOfferReason();
            throw new OfferUnavailableException(sn, offerId, ids, "the device has no extension offers now. "
                    + (why.isBlank() ? NO_REASON_GIVEN : why));
        }
        return offers.stream().filter(o -> o.offerId().equals(offerId)).findFirst()
                .map(o -> new OrderLine(sn, o.offerId(), o.months(), o.price(), snapshot.decision().trace(),
                        o.covers()))
                .orElseThrow(() -> new OfferUnavailableException(sn, offerId, ids, "there is no offer " + offerId
                        + "; available: " + offers.stream().map(o -> o.offerId() + " (" + o.months() + " months, "
                        + o.price() + ")").collect(Collectors.joining(", "))));
    }

    private static Money total(List<OrderLine> lines) {
        Map<Currency, List<SerialNumber>> byCurrency = new LinkedHashMap<>();
        for (OrderLine line : lines) {
            byCurrency.computeIfAbsent(line.price().currency(), c -> new ArrayList<>()).add(line.serial());
        }
        if (byCurrency.size() > 1) {
            throw new InvalidOrderException(Reason.MIXED_CURRENCIES, "An order is paid in one currency, but its "
                    + "devices are priced in " + byCurrency.entrySet().stream()
                    .map(e -> e.getKey().getCurrencyCode() + " (" + e.getValue().stream().map(SerialNumber::value)
                            .collect(Collectors.joining(", ")) + ")")
                    .collect(Collectors.joining(" and ")) + "; place one order per currency");
        }
        return OrderLine.total(lines);
    }

    private static List<Wanted> parse(List<OfferSelection> selections) {
        InvalidValueException.require("selections", selections);
        if (selections.isEmpty()) {
            throw new InvalidOrderException(Reason.NO_LINES, "An order needs at least one device and offer");
        }
        List<Wanted> wanted = new ArrayList<>(selections.size());
        Set<SerialNumber> seen = new HashSet<>();
        for (OfferSelection selection : selections) {
            InvalidValueException.require("selection", selection);
            SerialNumber sn = SerialNumber.parse(selection.serial());
            if (!seen.add(sn)) {
                throw new InvalidOrderException(Reason.DUPLICATE_DEVICE, "Device " + sn + " is selected twice; "
                        + "an order buys one extension per device");
            }
            wanted.add(new Wanted(sn, ExtensionOffer.normalizeId(selection.offerId())));
        }
        return wanted;
    }

    /** The earlier order of an idempotency key, if it was placed for the same request. */
    private static Order sameRequest(Order earlier, List<Wanted> wanted) {
        Set<Wanted> asked = new HashSet<>(wanted);
        Set<Wanted> placed = new HashSet<>();
        earlier.lines().forEach(l -> placed.add(new Wanted(l.serial(), l.offerId())));
        if (!asked.equals(placed)) {
            throw new InvalidOrderException(Reason.IDEMPOTENCY_KEY_REUSED, "Idempotency key "
                    + Quoted.of(earlier.idempotencyKey()) + " already placed order " + earlier.orderId() + " ("
                    + describe(earlier.lines()) + ") for account " + earlier.account()
                    + "; use a new key for a different purchase");
        }
        return earlier;
    }

    private Order find(OrderId orderId) {
        return orders.find(orderId).orElseThrow(() -> new UnknownOrderException(orderId));
    }

    private Order owned(AccountId account, OrderId orderId) {
        Order order = find(orderId);
        if (!order.account().equals(account)) {
            throw new AccessDeniedException(account, "order " + orderId, "it was placed by another account");
        }
        return order;
    }


    /** An idempotency key or payment reference: opaque, 1-255 characters, no control characters. */
    private static String token(String field, String value) {
        if (value == null || value.isBlank()) {
            throw new InvalidValueException(field, "is required and must not be blank");
        }
        if (value.length() > MAX_TOKEN_LENGTH) {
            throw new InvalidValueException(field, "is " + value.length() + " characters long; at most "
                    + MAX_TOKEN_LENGTH + " are accepted");
        }
        if (value.chars().anyMatch(Character::isISOControl)) {
            throw new InvalidValueException(field, "must not contain control characters");
        }
        return value;
    }

    private static String describe(List<OrderLine> lines) {
        return lines.stream().map(l -> l.offerId() + " for " + l.serial() + " at " + l.price())
                .collect(Collectors.joining(", "));
    }
}
