package org.warrantykit.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import static org.quicktheories.QuickTheory.qt;

import java.util.List;
import java.util.Objects;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;
import org.warrantykit.spi.PolicyDecision;
import org.warrantykit.spi.PolicyQuery;
import org.warrantykit.spi.ReplacementQuery;
import org.warrantykit.spi.ReplacementVerdict;
import org.warrantykit.spi.WarrantyRules;

/**
 * A differential test: a rule set decides every generated query as a plain-Java statement of the
 * same policy does. It is a plain JUnit 5 test class whose properties run on QuickTheories; a
 * disagreement shrinks to a small query and prints the seed that replays it. By default the statement is {@link ReferencePolicy} (the shipped default
 * policy in plain Java), which fits a rule set that keeps the default policy (reorganised files, renamed rule
 * set). For a changed policy, either
 *
 * <ul>
 *   <li>override {@link #expected} to apply your documented change to the reference's decision
 *       (e.g. prices of one power class +10 %), and {@link #compares} to leave out the queries the
 *       reference cannot speak for (test those explicitly); or</li>
 *   <li>write your own plain-Java {@link WarrantyRules} and return it from {@link #reference()}.</li>
 * </ul>
 *
 * <pre>{@code
 * class AcmeRulesDifferentialTest extends ReferenceDifferential {
 *     @Override
 *     protected WarrantyRules rules() {
 *         return DroolsWarrantyRules.fromDirectory(Path.of("src/main/warranty-rules"));
 *     }
 * }
 * }</pre>
 *
 * <p>Compared: standard term, upgrade verdict (eligibility, years, reason), offers (terms and
 * prices), no-offer reason, and the rules that fired as a multiset (the engine's firing order is
 * not guaranteed); not the rule-set version, since each names itself. Replacement verdicts
 * ({@link WarrantyRules#judgeReplacement}) are compared on generated swaps the same way (allowed,
 * reason, fired rules), with {@link #expected(ReplacementQuery, ReplacementVerdict)} and
 * {@link #compares(ReplacementQuery)} to apply or leave out a change. Override
 * {@link #compareFiredRules()} to leave the rule names out when yours differ from the reference's.
 * JUnit makes one instance of the test class per test; each instance calls {@link #rules()}
 * and {@link #reference()} once (keep a slow-to-load rule set in a static field).
 */
public abstract class ReferenceDifferential {
    /** Tries of the batch property (the single-query property runs the same number). */
    public static final int TRIES = 300;
    /** Largest batch given to {@link WarrantyRules#decideAll}. */
    public static final int MAX_BATCH = 40;

    private WarrantyRules subject;
    private WarrantyRules oracle;

    /** The rule set under test. */
    protected abstract WarrantyRules rules();

    /** The plain-Java statement of the policy the rule set should implement. */
    protected WarrantyRules reference() {
        return new ReferencePolicy();
    }

    /** The queries compared; by default {@link WarrantyGenerators#policyQueries()}. */
    protected Gen<PolicyQuery> queries() {
        return WarrantyGenerators.policyQueries();
    }

    /** Whether a query is compared at all; by default every one is. */
    protected boolean compares(PolicyQuery query) {
        return true;
    }

    /** The decision the rule set should make, given the reference's; by default the reference's. */
    protected PolicyDecision expected(PolicyQuery query, PolicyDecision referenceDecision) {
        return referenceDecision;
    }

    /** The swaps compared; by default {@link WarrantyGenerators#replacementQueries()}. */
    protected Gen<ReplacementQuery> replacementQueries() {
        return WarrantyGenerators.replacementQueries();
    }

    /** Whether a swap is compared at all; by default every one is. */
    protected boolean compares(ReplacementQuery query) {
        return true;
    }

    /** The verdict the rule set should give a swap, given the reference's; by default the reference's. */
    protected ReplacementVerdict expected(ReplacementQuery query, ReplacementVerdict referenceVerdict) {
        return referenceVerdict;
    }

    /** Whether the fired rules are compared (as a multiset); by default they are. */
    protected boolean compareFiredRules() {
        return true;
    }

    private WarrantyRules subject() {
        if (subject == null) {
            subject = Objects.requireNonNull(rules(), () -> getClass().getName() + ".rules() returned null");
        }
        return subject;
    }

    private WarrantyRules oracle() {
        if (oracle == null) {
            oracle = Objects.requireNonNull(reference(), () -> getClass().getName() + ".reference() returned null");
        }
        return oracle;
    }

    /** {@code decideAll} on generated batches decides each query as the reference expects. */
    @Test
    public void batchDecisionsAgreeWithTheReference() {
        qt().withExamples(TRIES).forAll(Generators.distinctLists(queries(), q -> q.device().serial(), 1, MAX_BATCH))
                .checkAssert(this::batchDecisionsAgreeWithTheReference);
    }

    /**
     * The check of {@link #batchDecisionsAgreeWithTheReference()} on one batch.
     *
     * @param queries the batch, one query per distinct device
     */
    public void batchDecisionsAgreeWithTheReference(List<PolicyQuery> queries) {
        List<PolicyDecision> actual = subject().decideAll(queries);
        List<PolicyDecision> reference = oracle().decideAll(queries);
        assertThat(actual).as("decisions for %d queries", queries.size()).hasSameSizeAs(queries);
        for (int i = 0; i < queries.size(); i++) {
            if (compares(queries.get(i))) {
                assertAgrees(queries.get(i), actual.get(i), expected(queries.get(i), reference.get(i)));
            }
        }
    }

    /** {@code decide} on generated queries decides as the reference expects. */
    @Test
    public void singleDecisionsAgreeWithTheReference() {
        qt().withExamples(TRIES).forAll(queries()).checkAssert(this::singleDecisionsAgreeWithTheReference);
    }

    /**
     * The check of {@link #singleDecisionsAgreeWithTheReference()} on one query.
     *
     * @param query the query decided by both the subject and the reference
     */
    public void singleDecisionsAgreeWithTheReference(PolicyQuery query) {
        if (compares(query)) {
            assertAgrees(query, subject().decide(query), expected(query, oracle().decide(query)));
        }
    }

    /** {@code judgeReplacement} on generated swaps judges as the reference expects. */
    @Test
    public void replacementVerdictsAgreeWithTheReference() {
        qt().withExamples(TRIES).forAll(replacementQueries()).checkAssert(this::replacementVerdictsAgreeWithTheReference);
    }

    /**
     * The check of {@link #replacementVerdictsAgreeWithTheReference()} on one swap.
     *
     * @param query the swap judged by both the subject and the reference
     */
    public void replacementVerdictsAgreeWithTheReference(ReplacementQuery query) {
        if (compares(query)) {
            assertAgrees(query, subject().judgeReplacement(query), expected(query, oracle().judgeReplacement(query)));
        }
    }

    /** Fails, naming the swap and both verdicts, unless {@code actual} judges as {@code expected}. */
    protected void assertAgrees(ReplacementQuery query, ReplacementVerdict actual, ReplacementVerdict expected) {
        String about = "verdict for " + query + "\n  rule set:  " + actual + "\n  expected:  " + expected;
        assertThat(actual.allowed()).as("replacement allowed, %s", about).isEqualTo(expected.allowed());
        assertThat(actual.reason()).as("replacement reason, %s", about).isEqualTo(expected.reason());
        if (compareFiredRules()) {
            assertThat(actual.trace().firedRules()).as("fired rules, %s", about)
                    .containsExactlyInAnyOrderElementsOf(expected.trace().firedRules());
        }
    }

    /** Fails, naming the query and both decisions, unless {@code actual} decides as {@code expected}. */
    protected void assertAgrees(PolicyQuery query, PolicyDecision actual, PolicyDecision expected) {
        String about = "decision for " + query + "\n  rule set:  " + actual + "\n  expected:  " + expected;
        assertThat(actual.standard()).as("standard term, %s", about).isEqualTo(expected.standard());
        assertThat(actual.upgrade()).as("upgrade verdict, %s", about).isEqualTo(expected.upgrade());
        assertThat(actual.offers()).as("offers, %s", about).isEqualTo(expected.offers());
        assertThat(actual.noOfferReason()).as("no-offer reason, %s", about).isEqualTo(expected.noOfferReason());
        assertThat(actual.transfer()).as("transfer verdict, %s", about).isEqualTo(expected.transfer());
        if (compareFiredRules()) {
            assertThat(actual.trace().firedRules()).as("fired rules, %s", about)
                    .containsExactlyInAnyOrderElementsOf(expected.trace().firedRules());
        }
    }
}
