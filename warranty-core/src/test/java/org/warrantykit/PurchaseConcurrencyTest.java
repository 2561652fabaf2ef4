package org.warrantykit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.warrantykit.PurchaseFixture.A1;
import static org.warrantykit.PurchaseFixture.A2;
import static org.warrantykit.PurchaseFixture.GB;
import static org.warrantykit.fixtures.Fixtures.ALICE;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.warrantykit.fixtures.TestPolicy;
import org.warrantykit.spi.LedgerEntry;
import org.warrantykit.spi.OrderStore;

/** Real threads released together by a start gate, many rounds, against the in-memory stores. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PurchaseConcurrencyTest {
    static final int THREADS = 16;
    static final int ROUNDS = 50;
    ExecutorService pool;

    @BeforeAll
    void startPool() {
        pool = Executors.newFixedThreadPool(THREADS);
    }

    @AfterAll
    void stopPool() throws InterruptedException {
        pool.shutdownNow();
        assertThat(pool.awaitTermination(10, TimeUnit.SECONDS)).isTrue();
    }

    /** The outcome of one call: its result or what it threw. */
    record Outcome<T>(T value, Throwable error) {
    }

    /** Submits every task, opens the gate once all are waiting, and collects the outcomes in order. */
    <T> List<Outcome<T>> race(List<Callable<T>> tasks) throws InterruptedException {
        CountDownLatch ready = new CountDownLatch(tasks.size());
        CountDownLatch go = new CountDownLatch(1);
        List<Future<T>> futures = new ArrayList<>();
        for (Callable<T> task : tasks) {
            futures.add(pool.submit(() -> {
                ready.countDown();
                go.await();
                return task.call();
            }));
        }
        assertThat(ready.await(10, TimeUnit.SECONDS)).isTrue();
        go.countDown();
        List<Outcome<T>> outcomes = new ArrayList<>();
        for (Future<T> future : futures) {
            try {
                outcomes.add(new Outcome<>(future.get(30, TimeUnit.SECONDS), null));
            } catch (ExecutionException e) {
                outcomes.add(new Outcome<>(null, e.getCause()));
            } catch (TimeoutException e) {
                throw new AssertionError("a racing call did not finish", e);
            }
        }
        return outcomes;
    }

    static <T> List<Callable<T>> times(int n, Callable<T> task) {
        List<Callable<T>> tasks = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            tasks.add(task);
        }
        return tasks;
    }

    /** Every other round reads the order store slowly, so racing writes really collide. */
    static PurchaseFixture fixture(int round) {
        return new PurchaseFixture(new TestPolicy(), null,
                round % 2 == 0 ? UnaryOperator.identity() : SlowReads::new).upgradeAll();
    }

    @Test
    void theSameIdempotencyKeyFromSixteenThreadsPlacesOneOrder() throws Exception {
        for (int round = 0; round < ROUNDS; round++) {
            PurchaseFixture f = fixture(round);
            String key = "checkout-" + round;

            List<Outcome<Order>> outcomes = race(times(THREADS, () -> f.service.purchase(ALICE,
                    List.of(OfferSelection.of(A1, "EXT-60M"), OfferSelection.of(A2, "EXT-120M")), key)));

            assertThat(outcomes).as("round %d", round).allSatisfy(o -> assertThat(o.error()).isNull());
            assertThat(outcomes.stream().map(o -> o.value().orderId()).distinct()).as("round %d", round).hasSize(1);
            assertThat(f.orders.placedBy(ALICE)).as("round %d", round).hasSize(1);
        }
    }

    @Test
    void confirmingFromSixteenThreadsAppliesEachLineOnce() throws Exception {
        for (int round = 0; round < ROUNDS; round++) {
            PurchaseFixture f = fixture(round);
            Order order = f.service.purchase(ALICE, List.of(OfferSelection.of(A1, "EXT-60M"),
                    OfferSelection.of(A2, "EXT-120M")), "k");
            int a1Before = f.entries(A1).size();
            int a2Before = f.entries(A2).size();

            List<Outcome<Order>> outcomes = race(times(THREADS, () -> f.service.confirmPayment(order.orderId(), "psp-1")));

            assertThat(outcomes).as("round %d", round).allSatisfy(o -> {
                assertThat(o.error()).isNull();
                assertThat(o.value().state()).isEqualTo(OrderState.PAID);
            });
            assertThat(outcomes.stream().map(Outcome::value).distinct()).as("round %d", round).hasSize(1);
            assertThat(f.entries(A1)).as("round %d", round).hasSize(a1Before + 1);
            assertThat(f.entries(A2)).as("round %d", round).hasSize(a2Before + 1);
            assertThat(f.extensionsOf(A1, order)).hasSize(1);
            assertThat(f.extensionsOf(A2, order)).hasSize(1);
        }
    }

    /**
     * An order store that pauses after every read, so racing callers all act on what they read
     * before anyone writes: only the store's compare-and-set keeps them apart then.
     */
    record SlowReads(OrderStore store) implements OrderStore {
        static <T> T pause(T value) {
            try {
                Thread.sleep(1);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return value;
        }

        @Override
        public Order placeIfAbsent(Order order) {
            return store.placeIfAbsent(order);
        }

        @Override
        public Optional<Order> find(OrderId orderId) {
            return pause(store.find(orderId));
        }

        @Override
        public Optional<Order> findByIdempotencyKey(AccountId account, String idempotencyKey) {
            return pause(store.findByIdempotencyKey(account, idempotencyKey));
        }

        @Override
        public List<Order> placedBy(AccountId account) {
            return store.placedBy(account);
        }

        @Override
        public boolean transition(Order current, Order next) {
            return store.transition(current, next);
        }

        @Override
        public List<Order> overdue(Instant now) {
            return pause(store.overdue(now));
        }

        @Override
        public Optional<Order> paidWith(String paymentReference) {
            return pause(store.paidWith(paymentReference));
        }
    }

    @Test
    void onePaymentReferenceOfferedForSixteenOrdersPaysExactlyOne() throws Exception {
        List<String> devices = List.of(A1, A2, GB);
        for (int round = 0; round < ROUNDS; round++) {
            PurchaseFixture f = fixture(round);
            List<Order> placed = new ArrayList<>();
            for (int i = 0; i < THREADS; i++) {
                placed.add(f.service.purchase(ALICE, devices.get(i % devices.size()), "EXT-60M", "k-" + i));
            }
            Map<String, Integer> ledgersBefore = new HashMap<>();
            devices.forEach(sn -> ledgersBefore.put(sn, f.entries(sn).size()));
            List<Callable<Order>> confirms = new ArrayList<>();
            placed.forEach(order -> confirms.add(() -> f.service.confirmPayment(order.orderId(), "psp-shared")));

            List<Outcome<Order>> outcomes = race(confirms);

            assertThat(outcomes.stream().filter(o -> o.error() == null)).as("round %d", round).hasSize(1);
            assertThat(outcomes.stream().filter(o -> o.error() != null)).as("round %d", round)
                    .allSatisfy(o -> assertThat(o.error()).isInstanceOf(OrderStateException.class)
                            .hasMessageContaining("Payment psp-shared already paid another order"));
            Order paid = outcomes.stream().filter(o -> o.error() == null).findFirst().orElseThrow().value();
            assertThat(f.orders.paidWith("psp-shared")).as("round %d", round).contains(paid);
            assertThat(placed.stream().map(o -> f.orders.find(o.orderId()).orElseThrow().state())
                    .filter(state -> state == OrderState.PAID)).as("round %d", round).hasSize(1);
            for (String sn : devices) {
                int expected = ledgersBefore.get(sn) + (paid.line(SerialNumber.parse(sn)).isPresent() ? 1 : 0);
                assertThat(f.entries(sn)).as("round %d, %s: only the paid order extended", round, sn).hasSize(expected);
            }
        }
    }

    @Test
    void aPaymentReferenceThatPaidOneOrderIsRefusedForAnotherAndChangesNothing() {
        PurchaseFixture f = fixture(0);
        Order first = f.service.purchase(ALICE, A1, "EXT-60M", "k-1");
        Order second = f.service.purchase(ALICE, A2, "EXT-60M", "k-2");
        f.service.confirmPayment(first.orderId(), "psp-1");
        List<LedgerEntry> a2Before = f.entries(A2);

        assertThatThrownBy(() -> f.service.confirmPayment(second.orderId(), "psp-1"))
                .isInstanceOf(OrderStateException.class)
                .hasMessage("Payment psp-1 already paid another order; one payment pays one order. Order "
                        + second.orderId() + " stays unpaid: check the payment with your provider");

        assertThat(f.orders.find(second.orderId()).orElseThrow().state()).isEqualTo(OrderState.PENDING_PAYMENT);
        assertThat(f.entries(A2)).isEqualTo(a2Before);
        assertThat(f.service.confirmPayment(first.orderId(), "psp-1").state()).as("the payer's retry").isEqualTo(OrderState.PAID);
        assertThat(f.service.confirmPayment(second.orderId(), "psp-2").state()).isEqualTo(OrderState.PAID);
    }

    @Test
    void confirmRacingCancelEndsPaidWithCoverageOrCancelledWithout() throws Exception {
        int paidRounds = 0;
        for (int round = 0; round < ROUNDS; round++) {
            PurchaseFixture f = fixture(round);
            Order order = f.service.purchase(ALICE, A1, "EXT-60M", "k");
            int before = f.entries(A1).size();
            List<Callable<Order>> tasks = new ArrayList<>();
            for (int i = 0; i < THREADS; i++) {
                tasks.add(i % 2 == 0 ? () -> f.service.confirmPayment(order.orderId(), "psp-1")
                        : () -> f.service.cancel(ALICE, order.orderId()));
            }

            List<Outcome<Order>> outcomes = race(tasks);

            Order end = f.service.order(ALICE, order.orderId());
            assertThat(end.state()).as("round %d", round).isIn(OrderState.PAID, OrderState.CANCELLED);
            OrderState loser = end.state() == OrderState.PAID ? OrderState.CANCELLED : OrderState.PAID;
            for (Outcome<Order> o : outcomes) {
                if (o.error() != null) {
                    // only the side that lost fails, and it says the state the winner left
                    assertThat(o.error()).isInstanceOf(OrderStateException.class);
                    assertThat(((OrderStateException) o.error()).state()).isEqualTo(end.state());
                } else {
                    assertThat(o.value()).isEqualTo(end);
                    assertThat(o.value().state()).isNotEqualTo(loser);
                }
            }
            if (end.state() == OrderState.PAID) {
                paidRounds++;
                assertThat(f.entries(A1)).as("round %d", round).hasSize(before + 1);
                assertThat(f.extensionsOf(A1, order)).hasSize(1);
            } else {
                assertThat(f.entries(A1)).as("round %d", round).hasSize(before);
            }
        }
        System.out.printf("confirm vs cancel: PAID won %d of %d rounds%n", paidRounds, ROUNDS);
    }

    @Test
    void manyOrdersForOneDevicePaidAtOnceStackContiguously() throws Exception {
        int orders = 8;
        for (int round = 0; round < ROUNDS; round++) {
            PurchaseFixture f = fixture(round);
            List<Order> placed = new ArrayList<>();
            for (int i = 0; i < orders; i++) {
                placed.add(f.service.purchase(ALICE, A1, i % 2 == 0 ? "EXT-60M" : "EXT-120M", "k" + i));
            }
            int before = f.entries(A1).size();
            List<Callable<Order>> tasks = new ArrayList<>();
            for (int i = 0; i < THREADS; i++) {
                Order o = placed.get(i % orders);
                tasks.add(() -> f.service.confirmPayment(o.orderId(), "psp-" + o.orderId()));
            }

            List<Outcome<Order>> outcomes = race(tasks);

            assertThat(outcomes).allSatisfy(o -> assertThat(o.error()).isNull());
            assertThat(f.entries(A1)).as("round %d", round).hasSize(before + orders);
            for (Order o : placed) {
                assertThat(f.extensionsOf(A1, o)).hasSize(1);
            }
            // the view checks every coverage starts the day after the previous one ends
            WarrantyView view = f.service.inquire(A1);
            assertThat(view.coverages()).hasSize(before + orders);
        }
    }
}
