package org.warrantykit.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import static org.quicktheories.QuickTheory.qt;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.quicktheories.api.Pair;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;
import org.warrantykit.spi.OfferTerm;
import org.warrantykit.spi.PolicyDecision;
import org.warrantykit.spi.PolicyQuery;
import org.warrantykit.spi.ReplacementQuery;
import org.warrantykit.spi.ReplacementVerdict;
import org.warrantykit.spi.StandardTerm;
import org.warrantykit.spi.WarrantyRules;

/**
 * What every {@link WarrantyRules} must do, whatever its policy, as properties over generated
 * devices ({@link WarrantyGenerators}). It is a plain JUnit 5 test class (the properties run on
 * QuickTheories inside {@code @Test} methods, so your build needs no property engine of its own).
 * Run it on your own rule set by extending this class in a test:
 *
 * <pre>{@code
 * class AcmeRulesContractTest extends RuleSetContract {
 *     @Override
 *     protected WarrantyRules rules() {
 *         return DroolsWarrantyRules.fromDirectory(Path.of("src/main/warranty-rules"));
 *     }
 * }
 * }</pre>
 *
 * <p>The properties hold for any policy (other terms, other prices, other models); they do not
 * compute any particular answer. For "does my policy decide what I meant", add a differential test
 * against a plain-Java statement of your policy ({@link ReferenceDifferential}).
 *
 * <ul>
 *   <li>every generated query is decided, one by one and in batches, without an exception;</li>
 *   <li>the standard term runs 1 to {@value #MAX_STANDARD_YEARS} years, ends on
 *       {@code start.plusYears(years).minusDays(1)}, never before it starts, and depends on the
 *       device alone (not on the day asked, nor on what was granted);</li>
 *   <li>an upgrade is granted only while the standard warranty runs on the query's day;</li>
 *   <li>offers: none before the upgrade, no negative price, ascending distinct terms, and a
 *       no-offer reason exactly when there is no offer;</li>
 *   <li>the same query decides the same way every time, and a batch decides each query as
 *       {@code decide} does, in query order;</li>
 *   <li>every trace names {@link WarrantyRules#version()} and at least one rule;</li>
 *   <li>every swap the service may ask about ({@link WarrantyGenerators#replacementQueries()}) is
 *       judged without an exception, allowed or refused with a reason, its trace naming
 *       {@link WarrantyRules#version()}, and the same way every time.</li>
 * </ul>
 *
 * <p>JUnit makes one instance of the test class per test, and each instance calls
 * {@link #rules()} once; return a rule set kept in a static field to compile it only once. Each
 * property runs {@value #TRIES} tries, batches hold up to {@value #MAX_BATCH} queries; with a
 * Drools rule set the whole contract takes seconds. A failure shrinks to a small counterexample
 * and prints the seed that replays it ({@code -DQT_SEED=...}). Each property's check is also a
 * public method that takes its input, to run it on a query of your own. Override
 * {@link #queries()} to aim the generated devices at your own models.
 */
public abstract class RuleSetContract {
    /** Tries per property. */
    public static final int TRIES = 200;
    /** Largest batch given to {@link WarrantyRules#decideAll}. */
    public static final int MAX_BATCH = 30;
    /** Largest batch whose queries are also decided one by one (each a session of its own in Drools). */
    public static final int SMALL_BATCH = 12;
    /** Longest standard term accepted (the Drools outputs are validated against the same bound). */
    public static final int MAX_STANDARD_YEARS = 50;

    private WarrantyRules subject;

    /** The rule set under test. */
    protected abstract WarrantyRules rules();

    /**
     * The queries the properties are checked on; by default {@link WarrantyGenerators#policyQueries()}
     * (the default table's models and unknown ones, fresh and upgraded devices, days at the
     * boundaries). Override to add your own models, keeping the default ones in the mix.
     */
    protected Gen<PolicyQuery> queries() {
        return WarrantyGenerators.policyQueries();
    }

    /**
     * The swaps the replacement properties are checked on; by default
     * {@link WarrantyGenerators#replacementQueries()}. Override to aim them at your own models.
     */
    protected Gen<ReplacementQuery> replacementQueries() {
        return WarrantyGenerators.replacementQueries();
    }

    /** The rule set under test, from {@link #rules()} on first use. */
    protected final WarrantyRules subject() {
        if (subject == null) {
            subject = Objects.requireNonNull(rules(), () -> getClass().getName() + ".rules() returned null");
        }
        return subject;
    }

    private Gen<List<PolicyQuery>> batches() {
        return Generators.distinctLists(queries(), q -> q.device().serial(), 1, MAX_BATCH);
    }

    /** Batches small enough to decide each of their queries one by one too. */
    private Gen<List<PolicyQuery>> smallBatches() {
        return Generators.distinctLists(queries(), q -> q.device().serial(), 2, SMALL_BATCH);
    }

    /** A query and the same device asked about on another day, in another ledger state. */
    private Gen<Pair<PolicyQuery, PolicyQuery>> sameDeviceTwice() {
        Gen<Integer> dayShift = Generate.oneOf(Generate.range(-3, 3), Generate.range(-4000, 4000));
        Gen<Integer> endShift = Generate.range(-800, 8000);
        return queries().zip(dayShift, Generate.booleans(), endShift,
                (query, shift, upgraded, end) -> Pair.of(query, new PolicyQuery(query.device(),
                        query.on().plusDays(shift), upgraded,
                        upgraded ? Optional.of(query.on().plusDays(end)) : Optional.empty())));
    }

    /**
     * Runs {@code check} on generated batches of queries (distinct devices of every category, region
     * and age; upgraded or not): how the contract's properties run, open to a subclass for checks of
     * its own policy's choices (for example {@link #noOffersBeforeTheUpgrade(List)}).
     *
     * @param check throws {@link AssertionError} for a batch that breaks the property
     */
    protected void forAllBatches(Consumer<List<PolicyQuery>> check) {
        qt().withExamples(TRIES).forAll(batches()).checkAssert(check);
    }

    // ---------------------------------------------------------------- it decides

    /** Every generated batch is decided without an exception, one decision per query. */
    @Test
    public void decidesEveryBatchWithoutFailing() {
        forAllBatches(this::decidesEveryBatchWithoutFailing);
    }

    /**
     * The check of {@link #decidesEveryBatchWithoutFailing()} on one input.
     *
     * @param queries a batch of queries, one per distinct device
     */
    public void decidesEveryBatchWithoutFailing(List<PolicyQuery> queries) {
        List<PolicyDecision> decisions = decideAll(queries);
        assertThat(decisions).as("decideAll of %d queries", queries.size()).hasSameSizeAs(queries)
                .doesNotContainNull();
    }

    /** An empty batch decides to an empty list. */
    @Test
    public void decidesAnEmptyBatchAsNoDecisions() {
        assertThat(subject().decideAll(List.of())).isEmpty();
    }

    // ---------------------------------------------------------------- standard term

    /** The standard term lasts 1 to {@code MAX_STANDARD_YEARS} years and ends the day before its anniversary. */
    @Test
    public void standardTermIsWellFormed() {
        forAllBatches(this::standardTermIsWellFormed);
    }

    /**
     * The check of {@link #standardTermIsWellFormed()} on one input.
     *
     * @param queries a batch of queries, one per distinct device
     */
    public void standardTermIsWellFormed(List<PolicyQuery> queries) {
        List<PolicyDecision> decisions = decideAll(queries);
        for (int i = 0; i < queries.size(); i++) {
            StandardTerm standard = decisions.get(i).standard();
            String about = describe(queries.get(i), decisions.get(i));
            assertThat(standard.years()).as("standard years, %s", about).isBetween(1, MAX_STANDARD_YEARS);
            // StandardTerm computes end() this way today; asserted so the contract does not rest on it
            LocalDate end = standard.end();
            assertThat(end).as("standard end, %s", about)
                    .isEqualTo(standard.start().plusYears(standard.years()).minusDays(1))
                    .isAfterOrEqualTo(standard.start());
        }
    }

    /**
     * The standard warranty is computed from the supply data: asked on another day, or after an
     * upgrade, the same device has the same standard term (an inquiry never sees it move).
     */
    @Test
    public void standardTermDependsOnTheDeviceAlone() {
        qt().withExamples(TRIES).forAll(sameDeviceTwice())
                .checkAssert(pair -> standardTermDependsOnTheDeviceAlone(pair._1, pair._2));
    }

    /**
     * The check of {@link #standardTermDependsOnTheDeviceAlone()} on one device asked about twice.
     *
     * @param asked      a query about the device
     * @param askedAgain a query about the same device, on another day or in another ledger state
     */
    public void standardTermDependsOnTheDeviceAlone(PolicyQuery asked, PolicyQuery askedAgain) {
        PolicyDecision first = decide(asked);
        PolicyDecision second = decide(askedAgain);
        assertThat(second.standard()).as("standard term of the same device asked twice:%n  %s%n  %s",
                describe(asked, first), describe(askedAgain, second)).isEqualTo(first.standard());
    }

    // ---------------------------------------------------------------- upgrade

    /** The upgrade is granted only while the standard warranty runs. */
    @Test
    public void upgradeIsGrantedOnlyWhileTheStandardWarrantyRuns() {
        forAllBatches(this::upgradeIsGrantedOnlyWhileTheStandardWarrantyRuns);
    }

    /**
     * The check of {@link #upgradeIsGrantedOnlyWhileTheStandardWarrantyRuns()} on one input.
     *
     * @param queries a batch of queries, one per distinct device
     */
    public void upgradeIsGrantedOnlyWhileTheStandardWarrantyRuns(List<PolicyQuery> queries) {
        List<PolicyDecision> decisions = decideAll(queries);
        for (int i = 0; i < queries.size(); i++) {
            PolicyDecision decision = decisions.get(i);
            if (decision.upgrade().eligible()) {
                assertThat(decision.standard().end()).as("standard end of a device granted the upgrade, %s",
                        describe(queries.get(i), decision)).isAfterOrEqualTo(queries.get(i).on());
            }
        }
    }

    // ---------------------------------------------------------------- offers

    /**
     * A device whose warranty has ended (its last covered day, or its standard term's while the
     * ledger is empty, is before the query's day) is offered no extension: an extension continues
     * running coverage, it does not revive an ended one. Every policy must hold this; whether an
     * extension needs the upgrade first is the policy's choice (see {@link #noOffersBeforeTheUpgrade(List)}).
     */
    @Test
    public void noOffersOnceTheWarrantyHasEnded() {
        forAllBatches(this::noOffersOnceTheWarrantyHasEnded);
    }

    /**
     * The check of {@link #noOffersOnceTheWarrantyHasEnded()} on one input.
     *
     * @param queries a batch of queries, one per distinct device
     */
    public void noOffersOnceTheWarrantyHasEnded(List<PolicyQuery> queries) {
        List<PolicyDecision> decisions = decideAll(queries);
        for (int i = 0; i < queries.size(); i++) {
            PolicyQuery query = queries.get(i);
            PolicyDecision decision = decisions.get(i);
            if (query.currentEnd().orElse(decision.standard().end()).isBefore(query.on())) {
                assertThat(decision.offers()).as("offers for a device whose warranty has ended, %s",
                        describe(query, decision)).isEmpty();
            }
        }
    }

    /**
     * An opt-in check, not part of the contract's own tests, for policies that sell extensions only
     * after the free upgrade (the default policy does): a device that is not upgraded is offered no
     * extension. Call it from a test of your rule set with the batches you choose.
     *
     * @param queries a batch of queries, one per distinct device
     */
    public void noOffersBeforeTheUpgrade(List<PolicyQuery> queries) {
        List<PolicyDecision> decisions = decideAll(queries);
        for (int i = 0; i < queries.size(); i++) {
            if (!queries.get(i).upgraded()) {
                assertThat(decisions.get(i).offers()).as("offers for a device not upgraded, %s",
                        describe(queries.get(i), decisions.get(i))).isEmpty();
            }
        }
    }

    /** Offers have ascending distinct terms and non-negative prices, and a no-offer reason exactly when there are none. */
    @Test
    public void offersAreWellFormed() {
        forAllBatches(this::offersAreWellFormed);
    }

    /**
     * The check of {@link #offersAreWellFormed()} on one input.
     *
     * @param queries a batch of queries, one per distinct device
     */
    public void offersAreWellFormed(List<PolicyQuery> queries) {
        List<PolicyDecision> decisions = decideAll(queries);
        for (int i = 0; i < queries.size(); i++) {
            PolicyDecision decision = decisions.get(i);
            String about = describe(queries.get(i), decision);
            List<OfferTerm> offers = decision.offers();
            for (OfferTerm offer : offers) { // OfferTerm refuses negative prices today; asserted all the same
                assertThat(offer.price().amount().signum()).as("sign of the price of %s, %s", offer, about)
                        .isNotNegative();
            }
            for (int k = 1; k < offers.size(); k++) {
                assertThat(offers.get(k).months()).as("offers by ascending distinct term, %s", about)
                        .isGreaterThan(offers.get(k - 1).months());
            }
            if (offers.isEmpty()) {
                assertThat(decision.noOfferReason()).as("no-offer reason without offers, %s", about).isNotBlank();
            } else {
                assertThat(decision.noOfferReason()).as("no-offer reason next to offers, %s", about).isBlank();
            }
        }
    }

    // ---------------------------------------------------------------- determinism and batches

    /** The same query, decided twice, gets the same decision. */
    @Test
    public void sameQueryDecidesTheSameWay() {
        qt().withExamples(TRIES).forAll(queries()).checkAssert(this::sameQueryDecidesTheSameWay);
    }

    /**
     * The check of {@link #sameQueryDecidesTheSameWay()} on one input.
     *
     * @param query the query to decide twice
     */
    public void sameQueryDecidesTheSameWay(PolicyQuery query) {
        PolicyDecision first = decide(query);
        PolicyDecision second = decide(query);
        assertThat(second).as("the same query decided twice: %s", query).isEqualTo(first);
    }

    /** The same batch, decided twice, gets the same decisions. */
    @Test
    public void sameBatchDecidesTheSameWay() {
        forAllBatches(this::sameBatchDecidesTheSameWay);
    }

    /**
     * The check of {@link #sameBatchDecidesTheSameWay()} on one input.
     *
     * @param queries a batch of queries, one per distinct device
     */
    public void sameBatchDecidesTheSameWay(List<PolicyQuery> queries) {
        assertThat(decideAll(queries)).as("the same batch decided twice").isEqualTo(decideAll(queries));
    }

    /**
     * A batch decides each query as {@code decide} does, in query order. The rules that fired are
     * compared as a multiset: their order within one device may differ between a batch and a
     * single decision.
     */
    @Test
    public void batchDecidesEachQueryAsDecideDoes() {
        qt().withExamples(TRIES).forAll(smallBatches()).checkAssert(this::batchDecidesEachQueryAsDecideDoes);
    }

    /**
     * The check of {@link #batchDecidesEachQueryAsDecideDoes()} on one input.
     *
     * @param queries a batch of queries, one per distinct device
     */
    public void batchDecidesEachQueryAsDecideDoes(List<PolicyQuery> queries) {
        List<PolicyDecision> batch = decideAll(queries);
        for (int i = 0; i < queries.size(); i++) {
            PolicyDecision single = decide(queries.get(i));
            PolicyDecision batched = batch.get(i);
            String about = "query " + i + " of " + queries.size() + ": " + queries.get(i)
                    + "\n  batch:  " + batched + "\n  single: " + single;
            assertThat(batched.standard()).as("standard term, %s", about).isEqualTo(single.standard());
            assertThat(batched.upgrade()).as("upgrade, %s", about).isEqualTo(single.upgrade());
            assertThat(batched.offers()).as("offers, %s", about).isEqualTo(single.offers());
            assertThat(batched.noOfferReason()).as("no-offer reason, %s", about).isEqualTo(single.noOfferReason());
            assertThat(batched.trace().ruleSetVersion()).as("rule set version, %s", about)
                    .isEqualTo(single.trace().ruleSetVersion());
            assertThat(batched.trace().firedRules()).as("fired rules, %s", about)
                    .containsExactlyInAnyOrderElementsOf(single.trace().firedRules());
        }
    }

    // ---------------------------------------------------------------- trace

    /** Every trace names the rule set's version and the rules that fired. */
    @Test
    public void traceNamesTheRuleSetVersionAndTheRulesThatFired() {
        forAllBatches(this::traceNamesTheRuleSetVersionAndTheRulesThatFired);
    }

    /**
     * The check of {@link #traceNamesTheRuleSetVersionAndTheRulesThatFired()} on one input.
     *
     * @param queries a batch of queries, one per distinct device
     */
    public void traceNamesTheRuleSetVersionAndTheRulesThatFired(List<PolicyQuery> queries) {
        String version = subject().version();
        assertThat(version).as("version()").isNotBlank();
        List<PolicyDecision> decisions = decideAll(queries);
        for (int i = 0; i < queries.size(); i++) {
            PolicyDecision decision = decisions.get(i);
            String about = describe(queries.get(i), decision);
            assertThat(decision.trace().ruleSetVersion()).as("trace version, %s", about).isEqualTo(version);
            assertThat(decision.trace().firedRules()).as("fired rules, %s", about).isNotEmpty()
                    .allSatisfy(rule -> assertThat(rule).as("a fired rule's name, %s", about).isNotBlank());
        }
        assertThat(subject().version()).as("version() asked again").isEqualTo(version);
    }

    // ---------------------------------------------------------------- replacements

    /**
     * Every swap the service may ask about (same category, the faulty unit covered that day) is
     * judged without an exception: allowed or refused, with a reason (a refusal's reason ends the
     * message the back office sees), its trace naming the rule set's version.
     */
    @Test
    public void judgesEveryReplacementWithAReason() {
        qt().withExamples(TRIES).forAll(replacementQueries()).checkAssert(this::judgesEveryReplacementWithAReason);
    }

    /**
     * The check of {@link #judgesEveryReplacementWithAReason()} on one swap.
     *
     * @param query the swap
     */
    public void judgesEveryReplacementWithAReason(ReplacementQuery query) {
        ReplacementVerdict verdict = judgeReplacement(query);
        String about = describe(query, verdict);
        assertThat(verdict.reason()).as("reason, %s", about).isNotBlank();
        assertThat(verdict.trace().ruleSetVersion()).as("trace version, %s", about).isEqualTo(subject().version());
        assertThat(verdict.trace().firedRules()).as("fired rules, %s", about)
                .allSatisfy(rule -> assertThat(rule).as("a fired rule's name, %s", about).isNotBlank());
    }

    /** The same swap, judged twice, gets the same verdict (reason and trace included). */
    @Test
    public void sameReplacementIsJudgedTheSameWay() {
        qt().withExamples(TRIES).forAll(replacementQueries()).checkAssert(this::sameReplacementIsJudgedTheSameWay);
    }

    /**
     * The check of {@link #sameReplacementIsJudgedTheSameWay()} on one swap.
     *
     * @param query the swap to judge twice
     */
    public void sameReplacementIsJudgedTheSameWay(ReplacementQuery query) {
        ReplacementVerdict first = judgeReplacement(query);
        assertThat(judgeReplacement(query)).as("the same swap judged twice: %s", query).isEqualTo(first);
    }

    // ---------------------------------------------------------------- helpers

    /** {@code decide}, with an exception turned into a failure that names the query. */
    protected final PolicyDecision decide(PolicyQuery query) {
        try {
            return Objects.requireNonNull(subject().decide(query), "decide returned null");
        } catch (RuntimeException e) {
            return fail("decide failed for " + query + ": " + e, e);
        }
    }

    /** {@code decideAll}, with an exception turned into a failure that names the batch. */
    protected final List<PolicyDecision> decideAll(List<PolicyQuery> queries) {
        try {
            List<PolicyDecision> decisions = Objects.requireNonNull(subject().decideAll(queries), "decideAll returned null");
            assertThat(decisions).as("decisions for %d queries", queries.size()).hasSameSizeAs(queries);
            return new ArrayList<>(decisions);
        } catch (RuntimeException e) {
            return fail("decideAll failed for " + queries + ": " + e, e);
        }
    }

    /** {@code judgeReplacement}, with an exception turned into a failure that names the swap. */
    protected final ReplacementVerdict judgeReplacement(ReplacementQuery query) {
        try {
            return Objects.requireNonNull(subject().judgeReplacement(query), "judgeReplacement returned null");
        } catch (RuntimeException e) {
            return fail("judgeReplacement failed for " + query + ": " + e, e);
        }
    }

    static String describe(ReplacementQuery query, ReplacementVerdict verdict) {
        return "swap " + query + " -> " + verdict;
    }

    static String describe(PolicyQuery query, PolicyDecision decision) {
        return "query " + query + " -> " + decision;
    }
}
