package org.warrantykit.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;
import org.warrantykit.Device;
import org.warrantykit.spi.OfferTerm;
import org.warrantykit.spi.PolicyDecision;
import org.warrantykit.spi.PolicyQuery;
import org.warrantykit.testkit.WarrantyGenerators;

/**
 * Invariants of the shipped default policy ({@link DroolsWarrantyRules#defaults()}) that follow
 * from DESIGN.md without computing any particular answer: how the standard term is shaped, when
 * an upgrade and offers may appear, how offers are listed, and that decisions are deterministic
 * and the same one by one as in a batch.
 *
 * <p>Each property is a {@code @Test} running QuickTheories over generated batches; its check is
 * a method of the same name taking the input, which an explicit example ({@code ...OnEdgeCases})
 * also runs on the hand-picked boundary batches of {@link EdgeCases}. A failure shrinks to a small
 * counterexample and prints the seed that replays it ({@code -DQT_SEED=...}).
 */
class PolicyInvariantProperties {
    private static final DroolsWarrantyRules RULES = DroolsWarrantyRules.defaults();
    /** Models DESIGN.md sells with online extension; no other model may be offered one. */
    private static final Set<String> SOLD_ONLINE = Set.of("X1-BOOST", "X1-HYBRID-G4", "X3-HYBRID-G4");
    /** Models DESIGN.md gives a free upgrade. */
    private static final Set<String> UPGRADABLE = Set.of("X1-BOOST", "X1-HYBRID-G4", "X3-HYBRID-G4", "X3-MEGA-G2");

    private static Gen<List<PolicyQuery>> batches() {
        return WarrantyGenerators.policyQueryLists(1, 40);
    }

    private static Gen<List<Device>> devices() {
        return WarrantyGenerators.deviceLists(1, 40);
    }

    /** Runs a check of batches on {@code tries} generated batches. */
    private static void forAllBatches(int tries, Consumer<List<PolicyQuery>> check) {
        qt().withExamples(tries).forAll(batches()).checkAssert(check);
    }

    /** Runs a check of batches on every batch of {@link EdgeCases} and on each of its first queries alone. */
    private static void onEdgeCases(Consumer<List<PolicyQuery>> check) {
        EdgeCases.batches().forEach(check);
        EdgeCases.batches().forEach(batch -> check.accept(batch.subList(0, 1)));
    }

    @Test
    void standardTermStartsAtInstallationOrNineMonthsAfterProductionWhicheverIsEarlier() {
        forAllBatches(200, this::standardTermStartsAtInstallationOrNineMonthsAfterProductionWhicheverIsEarlier);
    }

    @Test
    void standardTermStartsAtInstallationOrNineMonthsAfterProductionWhicheverIsEarlierOnEdgeCases() {
        onEdgeCases(this::standardTermStartsAtInstallationOrNineMonthsAfterProductionWhicheverIsEarlier);
    }

    void standardTermStartsAtInstallationOrNineMonthsAfterProductionWhicheverIsEarlier(List<PolicyQuery> queries) {
        List<PolicyDecision> decisions = RULES.decideAll(queries);
        for (int i = 0; i < queries.size(); i++) {
            Device device = queries.get(i).device();
            LocalDate start = decisions.get(i).standard().start();
            LocalDate nineMonths = device.productionDate().plusMonths(9);
            assertThat(start).as("start of %s", device).isBeforeOrEqualTo(nineMonths);
            if (device.installDate().isEmpty()) {
                assertThat(start).as("start of never installed %s", device).isEqualTo(nineMonths);
            } else {
                assertThat(start).as("start of %s", device).isIn(device.installDate().get(), nineMonths);
            }
        }
    }

    /**
     * The last day of the standard warranty, as the rules use it to grant or refuse the upgrade,
     * is {@code start.plusYears(years).minusDays(1)}, never before the start: on that day the
     * warranty still runs, the day after it has ended, and the refusal names that day.
     */
    @Test
    void standardWarrantyRunsThroughStartPlusYearsMinusOneDay() {
        qt().withExamples(200).forAll(devices()).checkAssert(this::standardWarrantyRunsThroughStartPlusYearsMinusOneDay);
    }

    @Test
    void standardWarrantyRunsThroughStartPlusYearsMinusOneDayOnEdgeCases() {
        standardWarrantyRunsThroughStartPlusYearsMinusOneDay(EdgeCases.devices());
        standardWarrantyRunsThroughStartPlusYearsMinusOneDay(EdgeCases.devices().subList(0, 1));
    }

    void standardWarrantyRunsThroughStartPlusYearsMinusOneDay(List<Device> devices) {
        List<PolicyDecision> probe = RULES.decideAll(onDay(devices, d -> d.productionDate()));
        List<PolicyQuery> onLastDay = new ArrayList<>();
        List<PolicyQuery> onDayAfter = new ArrayList<>();
        List<LocalDate> lastDays = new ArrayList<>();
        for (int i = 0; i < devices.size(); i++) {
            LocalDate start = probe.get(i).standard().start();
            LocalDate lastDay = start.plusYears(probe.get(i).standard().years()).minusDays(1);
            assertThat(lastDay).isAfterOrEqualTo(start);
            lastDays.add(lastDay);
            onLastDay.add(PolicyQuery.fresh(devices.get(i), lastDay));
            onDayAfter.add(PolicyQuery.fresh(devices.get(i), lastDay.plusDays(1)));
        }
        List<PolicyDecision> last = RULES.decideAll(onLastDay);
        List<PolicyDecision> after = RULES.decideAll(onDayAfter);
        for (int i = 0; i < devices.size(); i++) {
            Device device = devices.get(i);
            String ended = "The standard warranty ended on " + lastDays.get(i);
            assertThat(last.get(i).standard().end()).isEqualTo(lastDays.get(i));
            assertThat(last.get(i).upgrade().reason()).as("on the last day, %s", device).doesNotContain("ended on");
            assertThat(after.get(i).upgrade().eligible()).as("the day after, %s", device).isFalse();
            assertThat(after.get(i).upgrade().reason()).as("the day after, %s", device).contains(ended);
            if (UPGRADABLE.contains(device.model())) {
                assertThat(last.get(i).upgrade().eligible()).as("on the last day, %s", device).isTrue();
            }
        }
    }

    @Test
    void upgradeIsGrantedOnlyWhileTheStandardWarrantyRuns() {
        forAllBatches(200, this::upgradeIsGrantedOnlyWhileTheStandardWarrantyRuns);
    }

    @Test
    void upgradeIsGrantedOnlyWhileTheStandardWarrantyRunsOnEdgeCases() {
        onEdgeCases(this::upgradeIsGrantedOnlyWhileTheStandardWarrantyRuns);
    }

    void upgradeIsGrantedOnlyWhileTheStandardWarrantyRuns(List<PolicyQuery> queries) {
        List<PolicyDecision> decisions = RULES.decideAll(queries);
        for (int i = 0; i < queries.size(); i++) {
            PolicyDecision decision = decisions.get(i);
            if (decision.upgrade().eligible()) {
                assertThat(decision.standard().end()).as("granted for %s", queries.get(i))
                        .isAfterOrEqualTo(queries.get(i).on());
                assertThat(queries.get(i).device().model()).isIn(UPGRADABLE);
            }
        }
    }

    @Test
    void offersOnlyWhenUpgradedSoldOnlineAndSixMonthsLeft() {
        forAllBatches(300, this::offersOnlyWhenUpgradedSoldOnlineAndSixMonthsLeft);
    }

    @Test
    void offersOnlyWhenUpgradedSoldOnlineAndSixMonthsLeftOnEdgeCases() {
        onEdgeCases(this::offersOnlyWhenUpgradedSoldOnlineAndSixMonthsLeft);
    }

    void offersOnlyWhenUpgradedSoldOnlineAndSixMonthsLeft(List<PolicyQuery> queries) {
        List<PolicyDecision> decisions = RULES.decideAll(queries);
        for (int i = 0; i < queries.size(); i++) {
            PolicyQuery query = queries.get(i);
            List<OfferTerm> offers = decisions.get(i).offers();
            String about = query + " -> " + decisions.get(i);
            if (!query.upgraded()) {
                assertThat(offers).as("not upgraded: %s", about).isEmpty();
            }
            Optional<LocalDate> currentEnd = query.currentEnd();
            if (currentEnd.isEmpty() || currentEnd.get().isBefore(query.on().plusMonths(6))) {
                assertThat(offers).as("less than 6 months left: %s", about).isEmpty();
            }
            if (!SOLD_ONLINE.contains(query.device().model())) {
                assertThat(offers).as("not sold online: %s", about).isEmpty();
            }
            assertThat(decisions.get(i).noOfferReason().isEmpty()).as("reason iff no offer: %s", about)
                    .isEqualTo(!offers.isEmpty());
        }
    }

    @Test
    void offersArePositiveInTheRegionsCurrencyAndSortedByDistinctTerms() {
        forAllBatches(300, this::offersArePositiveInTheRegionsCurrencyAndSortedByDistinctTerms);
    }

    @Test
    void offersArePositiveInTheRegionsCurrencyAndSortedByDistinctTermsOnEdgeCases() {
        onEdgeCases(this::offersArePositiveInTheRegionsCurrencyAndSortedByDistinctTerms);
    }

    void offersArePositiveInTheRegionsCurrencyAndSortedByDistinctTerms(List<PolicyQuery> queries) {
        List<PolicyDecision> decisions = RULES.decideAll(queries);
        for (int i = 0; i < queries.size(); i++) {
            List<OfferTerm> offers = decisions.get(i).offers();
            String currency = "GB".equals(queries.get(i).device().region()) ? "GBP" : "EUR";
            for (int k = 0; k < offers.size(); k++) {
                OfferTerm offer = offers.get(k);
                assertThat(offer.price().amount().signum()).as("price of %s", offer).isPositive();
                assertThat(offer.price().currency().getCurrencyCode()).as("currency of %s", offer).isEqualTo(currency);
                if (k > 0) {
                    assertThat(offer.months()).as("terms in %s", offers).isGreaterThan(offers.get(k - 1).months());
                    assertThat(offer.price().amount()).as("a longer term costs more, %s", offers)
                            .isGreaterThan(offers.get(k - 1).price().amount());
                }
            }
        }
    }

    @Test
    void decidingTheSameQueriesTwiceGivesTheSameDecisions() {
        forAllBatches(150, this::decidingTheSameQueriesTwiceGivesTheSameDecisions);
    }

    @Test
    void decidingTheSameQueriesTwiceGivesTheSameDecisionsOnEdgeCases() {
        onEdgeCases(this::decidingTheSameQueriesTwiceGivesTheSameDecisions);
    }

    void decidingTheSameQueriesTwiceGivesTheSameDecisions(List<PolicyQuery> queries) {
        assertThat(RULES.decideAll(queries)).isEqualTo(RULES.decideAll(queries));
        assertThat(RULES.decide(queries.get(0))).isEqualTo(RULES.decide(queries.get(0)));
    }

    @Test
    void aBatchDecidesEachQueryAsIfAlone() {
        forAllBatches(100, this::aBatchDecidesEachQueryAsIfAlone);
    }

    @Test
    void aBatchDecidesEachQueryAsIfAloneOnEdgeCases() {
        onEdgeCases(this::aBatchDecidesEachQueryAsIfAlone);
    }

    void aBatchDecidesEachQueryAsIfAlone(List<PolicyQuery> queries) {
        List<PolicyDecision> batch = RULES.decideAll(queries);
        List<PolicyDecision> alone = queries.stream().map(RULES::decide).toList();
        assertThat(batch).isEqualTo(alone);
    }

    private static List<PolicyQuery> onDay(List<Device> devices, Function<Device, LocalDate> day) {
        return devices.stream().map(d -> PolicyQuery.fresh(d, day.apply(d))).toList();
    }
}
