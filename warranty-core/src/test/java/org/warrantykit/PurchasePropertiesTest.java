package org.warrantykit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;
import static org.warrantykit.PurchaseFixture.NOW;
import static org.warrantykit.fixtures.Fixtures.ALICE;
import static org.warrantykit.fixtures.Fixtures.device;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.quicktheories.api.Pair;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;
import org.warrantykit.fixtures.MutableClock;
import org.warrantykit.fixtures.TestPolicy;
import org.warrantykit.memory.InMemoryCoverageLedger;
import org.warrantykit.memory.InMemoryDeviceRegistry;
import org.warrantykit.memory.InMemoryOrderStore;
import org.warrantykit.memory.InMemoryStores;
import org.warrantykit.spi.LedgerEntry;

/**
 * Properties of online extension purchase against the test policy of {@link TestPolicy}.
 * Whether a real rule set (the shipped DRL) keeps the offer window is the job of the testkit's
 * rule-set contract and the rules module's tests; here the service must pass the policy's offers
 * through faithfully and keep its own guarantees (locked prices, contiguous coverage, once only).
 */
class PurchasePropertiesTest {

    /** One device, optionally upgraded, seen some days later, priced by a fake with some factor. */
    record Situation(LocalDate installed, String region, BigDecimal factor, boolean upgrade, int daysLater) {
    }

    /** A service holding one device of Alice's, in a situation. */
    static final class World {
        final MutableClock clock = new MutableClock(NOW);
        final InMemoryCoverageLedger ledger = new InMemoryCoverageLedger();
        final InMemoryOrderStore orders = new InMemoryOrderStore();
        final List<String> serials = new ArrayList<>();
        final WarrantyService service;

        World(List<Device> devices, BigDecimal factor) {
            devices.forEach(d -> serials.add(d.serial().value()));
            service = InMemoryStores.configure(WarrantyService.builder()).rules(new TestPolicy().withPriceFactor(factor))
                    .devices(InMemoryDeviceRegistry.of(devices)).clock(clock).ledger(ledger).orders(orders).build();
        }

        List<LedgerEntry> entries(String serial) {
            return ledger.entries(SerialNumber.parse(serial));
        }

        Object everything() {
            Map<String, Object> all = new LinkedHashMap<>();
            serials.forEach(s -> all.put(s, entries(s)));
            all.put("orders", orders.placedBy(ALICE));
            return all;
        }
    }

    /** Alice's online X1-BOOST number {@code i}. */
    static Device boost(int i, LocalDate installed, String region) {
        return device(String.format("PROPDEV%04d", i)).model("X1-BOOST").region(region).installed(installed).build();
    }

    static Gen<Situation> situations() {
        Gen<LocalDate> installed = integers().between(0, 6 * 365).map(d -> LocalDate.of(2021, 1, 1).plusDays(d));
        Gen<String> regions = Generate.pick(List.of("DE", "FR", "NL", "GB"));
        Gen<Boolean> upgrade = Generate.frequency(Pair.of(3, Generate.constant(true)), Pair.of(1, Generate.constant(false)));
        Gen<Integer> daysLater = integers().between(0, 12 * 365);
        return installed.zip(regions, factors(BigDecimal.valueOf(5)), upgrade, daysLater, Situation::new);
    }

    /** Price factors from 0 to {@code max} in hundredths. */
    static Gen<BigDecimal> factors(BigDecimal max) {
        return integers().between(0, max.movePointRight(2).intValueExact()).map(n -> BigDecimal.valueOf(n, 2));
    }

    World inSituation(Situation s) {
        World w = new World(List.of(boost(1, s.installed(), s.region())), s.factor());
        if (s.upgrade()) {
            w.service.requestUpgrade(ALICE, w.serials.get(0));
        }
        w.clock.advance(Duration.ofDays(s.daysLater()));
        return w;
    }

    @Test
    void pricesAreNeverNegativeAndTheNewEndIsTheCurrentEndPlusTheTerm() {
        qt().withExamples(500).forAll(situations()).checkAssert(this::pricesAreNeverNegativeAndTheNewEndIsTheCurrentEndPlusTheTerm);
    }

    @Test
    void pricesAreNeverNegativeAndTheNewEndIsTheCurrentEndPlusTheTermOnEdgeCases() {
        edgeSituations().forEach(this::pricesAreNeverNegativeAndTheNewEndIsTheCurrentEndPlusTheTerm);
    }

    /** The bounds of every generated range, in every combination: first and last install day, no and the latest look, price factor 0 and 5. */
    static List<Situation> edgeSituations() {
        List<Situation> situations = new ArrayList<>();
        for (LocalDate installed : List.of(LocalDate.of(2021, 1, 1), LocalDate.of(2021, 1, 1).plusDays(6 * 365), LocalDate.of(2024, 2, 29))) {
            for (String region : List.of("DE", "GB")) {
                for (BigDecimal factor : List.of(BigDecimal.ZERO, new BigDecimal("0.01"), new BigDecimal("5.00"))) {
                    for (boolean upgrade : new boolean[] {true, false}) {
                        for (int daysLater : new int[] {0, 1, 12 * 365}) {
                            situations.add(new Situation(installed, region, factor, upgrade, daysLater));
                        }
                    }
                }
            }
        }
        return situations;
    }

    void pricesAreNeverNegativeAndTheNewEndIsTheCurrentEndPlusTheTerm(Situation s) {
        World w = inSituation(s);
        String sn = w.serials.get(0);
        WarrantyView view = w.service.inquire(sn);

        List<ExtensionOffer> offers = w.service.offers(ALICE, sn);

        for (ExtensionOffer offer : offers) {
            assertThat(offer.price().isNegative()).as("%s", offer).isFalse();
            assertThat(offer.newEnd()).isEqualTo(view.end().plusMonths(offer.months()));
            assertThat(offer.offerId()).isEqualTo("EXT-" + offer.months() + "M");
        }
        assertThat(offers).extracting(ExtensionOffer::months).isSorted();
        assertThat(!offers.isEmpty()).isEqualTo(view.actions().contains(Action.BUY_EXTENSION));
    }

    @Test
    void offersAreNeverShownOutsideTheWindow() {
        Set<String> reached = new TreeSet<>();
        qt().withExamples(500).forAll(situations()).checkAssert(s -> reached.add(offersAreNeverShownOutsideTheWindow(s)));
        assertThat(reached).as("windows the situations reached").contains("not upgraded", "under 6 months left", "offered");
    }

    @Test
    void offersAreNeverShownOutsideTheWindowOnEdgeCases() {
        edgeSituations().forEach(this::offersAreNeverShownOutsideTheWindow);
    }

    /** Checks one situation and says which side of the window it was on. */
    String offersAreNeverShownOutsideTheWindow(Situation s) {
        World w = inSituation(s);
        String sn = w.serials.get(0);
        WarrantyView view = w.service.inquire(sn);
        LocalDate today = LocalDate.ofInstant(w.clock.instant(), w.clock.getZone());
        boolean upgraded = view.coverages().stream().anyMatch(c -> c.kind() == CoverageKind.UPGRADE);

        List<ExtensionOffer> offers = w.service.offers(ALICE, sn);

        boolean endsSoon = view.end().isBefore(today.plusMonths(6));
        if (!upgraded || endsSoon) {
            assertThat(offers).isEmpty();
            assertThat(view.actions()).doesNotContain(Action.BUY_EXTENSION);
        } else {
            assertThat(offers).isNotEmpty(); // and the fake offers inside it
        }
        return !upgraded ? "not upgraded" : endsSoon ? "under 6 months left" : "offered";
    }

    @Test
    void anOrdersTotalIsTheSumOfItsLinesLockedAtTheOfferedPrices() {
        qt().withExamples(200).forAll(lists().of(integers().between(0, 1)).ofSizeBetween(1, 6), factors(BigDecimal.TEN),
                factors(BigDecimal.TEN)).checkAssert(this::anOrdersTotalIsTheSumOfItsLinesLockedAtTheOfferedPrices);
    }

    @Test
    void anOrdersTotalIsTheSumOfItsLinesLockedAtTheOfferedPricesOnEdgeCases() {
        for (List<Integer> terms : List.of(List.of(0), List.of(1), List.of(0, 1, 0, 1, 0, 1), List.of(1, 1, 1, 1, 1, 1))) {
            for (BigDecimal factor : List.of(BigDecimal.ZERO, new BigDecimal("10.00"))) {
                anOrdersTotalIsTheSumOfItsLinesLockedAtTheOfferedPrices(terms, factor, BigDecimal.TEN.subtract(factor));
            }
        }
    }

    void anOrdersTotalIsTheSumOfItsLinesLockedAtTheOfferedPrices(List<Integer> terms, BigDecimal factor,
                                                                 BigDecimal laterFactor) {
        List<Device> devices = new ArrayList<>();
        for (int i = 0; i < terms.size(); i++) {
            devices.add(boost(i, LocalDate.of(2023, 1, 1).plusDays(97L * i), i % 2 == 0 ? "DE" : "NL"));
        }
        World w = new World(devices, factor);
        List<OfferSelection> selections = new ArrayList<>();
        Money expected = Money.zero(Currency.getInstance("EUR"));
        for (int i = 0; i < terms.size(); i++) {
            String sn = w.serials.get(i);
            w.service.requestUpgrade(ALICE, sn);
            ExtensionOffer offer = w.service.offers(ALICE, sn).get(terms.get(i));
            selections.add(OfferSelection.of(sn, offer.offerId()));
            expected = expected.plus(offer.price());
        }

        Order order = w.service.purchase(ALICE, selections, "cart");
        assertThat(order.total()).isEqualTo(expected);
        assertThat(order.lines().stream().map(OrderLine::price).reduce(Money::plus)).contains(order.total());

        w.service.replaceRules(new TestPolicy().withVersion("fake-2").withPriceFactor(laterFactor));
        Order paid = w.service.confirmPayment(order.orderId(), "psp");
        assertThat(paid.total()).isEqualTo(expected);
        assertThat(paid.lines()).isEqualTo(order.lines());
    }

    // ---- any sequence of purchases, payments, cancellations, expiries, rule swaps and codes ----

    sealed interface Step permits Buy, Pay, Cancel, Wait, Sweep, Reprice, Promote {
    }

    /** Buy for the devices in {@code mask} (bits 0-2), term index 0/1, with key k{key}. */
    record Buy(int mask, int term, int key) implements Step {
    }

    record Pay(int order, int reference) implements Step {
    }

    record Cancel(int order) implements Step {
    }

    record Wait(int days) implements Step {
    }

    record Sweep() implements Step {
    }

    record Reprice(BigDecimal factor) implements Step {
    }

    /** A promotion code redeemed on the device (appended to the ledger directly: codes are another feature). */
    record Promote(int device) implements Step {
    }

    static Gen<List<Step>> steps() {
        Gen<Step> step = Generate.frequency(List.of(
                Pair.of(4, integers().between(1, 7).zip(integers().between(0, 1), integers().between(0, 5), Buy::new)),
                Pair.of(4, integers().between(0, 20).zip(integers().between(0, 1), Pay::new)),
                Pair.of(1, integers().between(0, 20).map(Cancel::new)),
                Pair.of(2, integers().between(0, 900).map(Wait::new)),
                Pair.of(1, Generate.constant(new Sweep())),
                Pair.of(1, factors(BigDecimal.TEN).map(Reprice::new)),
                Pair.of(1, integers().between(0, 2).map(Promote::new))));
        return lists().of(step).ofSizeBetween(1, 25);
    }

    @Test
    void coverageStaysContiguousAndEachPaidLineIsAppliedOnce() {
        Set<String> outcomes = new TreeSet<>();
        Set<OrderState> endStates = new TreeSet<>();
        qt().withExamples(300).forAll(steps()).checkAssert(steps -> {
            World w = coverageStaysContiguousAndEachPaidLineIsAppliedOnce(steps, outcomes);
            w.orders.placedBy(ALICE).forEach(o -> endStates.add(o.state()));
        });
        assertThat(endStates).as("order states at the end of a run").containsExactlyInAnyOrder(OrderState.values());
        assertThat(outcomes).as("steps done and refused").contains("Buy done", "Pay done", "Cancel done", "Wait done",
                "Sweep done", "Reprice done", "Promote done");
    }

    @Test
    void coverageStaysContiguousAndEachPaidLineIsAppliedOnceOnEdgeCases() {
        Set<String> outcomes = new TreeSet<>();
        // buy everything twice under one key, pay twice, cancel a paid order, let one expire, reprice to 0
        coverageStaysContiguousAndEachPaidLineIsAppliedOnce(List.of(new Buy(7, 1, 0), new Buy(7, 1, 0), new Pay(0, 0),
                new Pay(0, 1), new Cancel(0), new Buy(1, 0, 1), new Wait(900), new Sweep(), new Pay(1, 0),
                new Reprice(BigDecimal.ZERO), new Promote(0), new Buy(1, 0, 2), new Promote(0), new Pay(2, 0)), outcomes);
        assertThat(outcomes).contains("Buy done", "Pay done", "Sweep done", "Promote done");
    }

    /** Runs the steps, checking after each; collects what each step did into {@code outcomes}. */
    World coverageStaysContiguousAndEachPaidLineIsAppliedOnce(List<Step> steps, Set<String> outcomes) {
        World w = new World(List.of(boost(1, LocalDate.of(2023, 5, 2), "DE"),
                boost(2, LocalDate.of(2024, 1, 31), "FR"), boost(3, LocalDate.of(2022, 8, 31), "NL")),
                BigDecimal.ONE);
        w.serials.forEach(sn -> w.service.requestUpgrade(ALICE, sn));
        List<OrderId> placed = new ArrayList<>();

        for (Step step : steps) {
            Object before = w.everything();
            try {
                apply(w, step, placed);
                outcomes.add(step.getClass().getSimpleName() + " done");
            } catch (WarrantyException refused) {
                outcomes.add(step.getClass().getSimpleName() + " refused: " + refused.getClass().getSimpleName());
                assertThat(w.everything()).as("%s refused with %s changed something", step, refused).isEqualTo(before);
            }
            checkInvariants(w, placed);
        }
        return w;
    }

    private static void apply(World w, Step step, List<OrderId> placed) {
        if (step instanceof Buy b) {
            List<OfferSelection> selections = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                if ((b.mask() & (1 << i)) != 0) {
                    selections.add(OfferSelection.of(w.serials.get(i), b.term() == 0 ? "EXT-60M" : "EXT-120M"));
                }
            }
            Order order = w.service.purchase(ALICE, selections, "k" + b.key());
            if (!placed.contains(order.orderId())) {
                placed.add(order.orderId());
            }
        } else if (step instanceof Pay p) {
            if (!placed.isEmpty()) {
                w.service.confirmPayment(placed.get(p.order() % placed.size()), "psp-" + p.reference());
            }
        } else if (step instanceof Cancel c) {
            if (!placed.isEmpty()) {
                w.service.cancel(ALICE, placed.get(c.order() % placed.size()));
            }
        } else if (step instanceof Wait wait) {
            w.clock.advance(Duration.ofDays(wait.days()));
        } else if (step instanceof Sweep) {
            w.service.expireOverdueOrders();
        } else if (step instanceof Reprice r) {
            w.service.replaceRules(new TestPolicy().withVersion("fake-" + r.factor()).withPriceFactor(r.factor()));
        } else if (step instanceof Promote p) {
            SerialNumber sn = SerialNumber.parse(w.serials.get(p.device()));
            List<LedgerEntry> entries = w.ledger.entries(sn);
            Coverage last = entries.get(entries.size() - 1).coverage();
            w.ledger.append(sn, entries.size(), List.of(new LedgerEntry(last.followedBy(CoverageKind.PROMOTION, 1,
                    CoverageSource.promotion("TEST"), Covered.scope(Covered.PARTS, Covered.LABOUR)), new DecisionTrace("promo", List.of()), w.clock.instant())));
        }
    }

    private static void checkInvariants(World w, List<OrderId> placed) {
        for (String sn : w.serials) {
            List<Coverage> coverages = w.entries(sn).stream().map(LedgerEntry::coverage).toList();
            assertThat(coverages.get(0).kind()).isEqualTo(CoverageKind.STANDARD);
            for (int i = 1; i < coverages.size(); i++) {
                assertThat(coverages.get(i).start()).as("%s coverage %d", sn, i)
                        .isEqualTo(coverages.get(i - 1).end().plusDays(1));
            }
            assertThat(w.service.inquire(sn).coverages()).isEqualTo(coverages);
        }
        for (OrderId id : placed) {
            Order order = w.orders.find(id).orElseThrow();
            assertThat(order.lines().stream().map(OrderLine::price).reduce(Money::plus)).contains(order.total());
            for (OrderLine line : order.lines()) {
                List<Coverage> bought = w.entries(line.serial().value()).stream().map(LedgerEntry::coverage)
                        .filter(c -> c.source().equals(order.coverageSource())).toList();
                if (order.state() == OrderState.PAID) {
                    assertThat(bought).as("%s of paid %s", line.serial(), id).singleElement().satisfies(c -> {
                        assertThat(c.kind()).isEqualTo(CoverageKind.EXTENSION);
                        assertThat(c.end()).isEqualTo(c.start().minusDays(1).plusMonths(line.months()));
                    });
                } else {
                    assertThat(bought).as("%s of %s %s", line.serial(), order.state(), id).isEmpty();
                }
            }
        }
    }
}
