package org.warrantykit.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;
import org.warrantykit.spi.PolicyDecision;
import org.warrantykit.spi.PolicyQuery;
import org.warrantykit.spi.ReplacementQuery;
import org.warrantykit.spi.ReplacementVerdict;
import org.warrantykit.testkit.Generators;
import org.warrantykit.testkit.ReferencePolicy;
import org.warrantykit.testkit.WarrantyGenerators;

/**
 * Differential test: the shipped DRL ({@link DroolsWarrantyRules#defaults()}) and the plain-Java
 * {@link ReferencePolicy} decide every generated query alike: standard term, upgrade verdict
 * (eligibility, years, reason text), offers (months and price) and no-offer reason. Traces are
 * compared too, except {@code ruleSetVersion} (each names itself) and except the order of
 * {@code firedRules}, which the engine does not guarantee (DESIGN.md): the same rules must fire,
 * each as often. Replacement verdicts are compared the same way on generated swaps, one at a time
 * and many in one session.
 *
 * <p>Most tries decide a batch in one engine session ({@code decideAll}), which is how the
 * service decides dashboards and what keeps the run short; one property goes through
 * {@code decide} one query at a time.
 *
 * <p>Each property is a {@code @Test} running QuickTheories; its check is a method of the same
 * name taking the input, which an explicit example ({@code ...OnEdgeCases}) also runs on the
 * hand-picked boundary queries of {@link EdgeCases}. A disagreement shrinks to a small
 * counterexample and prints the seed that replays it ({@code -DQT_SEED=...}).
 */
class ReferenceAgreementProperties {
    private static final DroolsWarrantyRules DROOLS = DroolsWarrantyRules.defaults();
    private static final ReferencePolicy REFERENCE = new ReferencePolicy();

    private static Gen<List<PolicyQuery>> batches() {
        return WarrantyGenerators.policyQueryLists(1, 40);
    }

    private static Gen<List<PolicyQuery>> upgradedBatches() {
        return Generators.distinctLists(WarrantyGenerators.upgradedQueries(), q -> q.device().serial(), 1, 40);
    }

    private static Gen<PolicyQuery> queries() {
        return WarrantyGenerators.policyQueries();
    }

    @Test
    void batchDecisionsAgree() {
        Coverage coverage = new Coverage();
        qt().withExamples(800).forAll(batches())
                .checkAssert(queries -> coverage.classify(batchDecisionsAgree(queries)));
        coverage.check();
    }

    @Test
    void batchDecisionsAgreeOnEdgeCases() {
        EdgeCases.batches().forEach(this::batchDecisionsAgree);
    }

    /** Checks one batch and returns the rule set's decisions. */
    List<PolicyDecision> batchDecisionsAgree(List<PolicyQuery> queries) {
        List<PolicyDecision> drools = DROOLS.decideAll(queries);
        List<PolicyDecision> reference = REFERENCE.decideAll(queries);

        assertThat(drools).hasSameSizeAs(queries);
        for (int i = 0; i < queries.size(); i++) {
            assertAgree(queries.get(i), drools.get(i), reference.get(i));
        }
        return drools;
    }

    @Test
    void batchDecisionsAboutUpgradedDevicesAgree() {
        qt().withExamples(400).forAll(upgradedBatches()).checkAssert(this::batchDecisionsAboutUpgradedDevicesAgree);
    }

    @Test
    void batchDecisionsAboutUpgradedDevicesAgreeOnEdgeCases() {
        EdgeCases.batches().stream().filter(batch -> batch.get(0).upgraded())
                .forEach(this::batchDecisionsAboutUpgradedDevicesAgree);
    }

    void batchDecisionsAboutUpgradedDevicesAgree(List<PolicyQuery> queries) {
        List<PolicyDecision> drools = DROOLS.decideAll(queries);
        List<PolicyDecision> reference = REFERENCE.decideAll(queries);

        assertThat(drools).hasSameSizeAs(queries);
        for (int i = 0; i < queries.size(); i++) {
            assertAgree(queries.get(i), drools.get(i), reference.get(i));
        }
    }

    @Test
    void singleDecisionsAgree() {
        qt().withExamples(800).forAll(queries()).checkAssert(this::singleDecisionsAgree);
    }

    @Test
    void singleDecisionsAgreeOnEdgeCases() {
        EdgeCases.queries().forEach(this::singleDecisionsAgree);
    }

    void singleDecisionsAgree(PolicyQuery query) {
        assertAgree(query, DROOLS.decide(query), REFERENCE.decide(query));
    }

    @Test
    void replacementVerdictsAgree() {
        qt().withExamples(400).forAll(WarrantyGenerators.replacementQueries()).checkAssert(this::replacementVerdictsAgree);
    }

    void replacementVerdictsAgree(ReplacementQuery query) {
        assertAgree(query, DROOLS.judgeReplacement(query), REFERENCE.judgeReplacement(query));
    }

    /** Swaps of distinct devices, judged in one session as the sample check judges them. */
    @Test
    void replacementVerdictsJudgedTogetherAgree() {
        qt().withExamples(100).forAll(Generators.distinctLists(WarrantyGenerators.replacementQueries(),
                q -> q.faulty().serial(), 1, 40).assuming(ReferenceAgreementProperties::distinctUnits))
                .checkAssert(this::replacementVerdictsJudgedTogetherAgree);
    }

    void replacementVerdictsJudgedTogetherAgree(List<ReplacementQuery> queries) {
        List<ReplacementVerdict> drools = DROOLS.judgeReplacements(queries);
        assertThat(drools).hasSameSizeAs(queries);
        for (int i = 0; i < queries.size(); i++) {
            assertAgree(queries.get(i), drools.get(i), REFERENCE.judgeReplacement(queries.get(i)));
        }
    }

    private static boolean distinctUnits(List<ReplacementQuery> queries) {
        Set<Object> serials = new HashSet<>();
        return queries.stream().allMatch(q -> serials.add(q.faulty().serial()) && serials.add(q.replacement().serial()));
    }

    static void assertAgree(ReplacementQuery query, ReplacementVerdict drools, ReplacementVerdict reference) {
        String about = "verdict for " + query + "\n  drools:    " + drools + "\n  reference: " + reference;
        assertThat(drools.allowed()).as("allowed, " + about).isEqualTo(reference.allowed());
        assertThat(drools.reason()).as("reason, " + about).isEqualTo(reference.reason());
        assertThat(drools.trace().ruleSetVersion()).as("version, " + about).isEqualTo(DROOLS.version());
        assertThat(drools.trace().firedRules()).as("fired rules, " + about)
                .containsExactlyInAnyOrderElementsOf(reference.trace().firedRules());
    }

    static void assertAgree(PolicyQuery query, PolicyDecision drools, PolicyDecision reference) {
        String about = "decision for " + query + "\n  drools:    " + drools + "\n  reference: " + reference;
        assertThat(drools.standard()).as("standard term, " + about).isEqualTo(reference.standard());
        assertThat(drools.upgrade().eligible()).as("upgrade eligible, " + about).isEqualTo(reference.upgrade().eligible());
        assertThat(drools.upgrade().years()).as("upgrade years, " + about).isEqualTo(reference.upgrade().years());
        assertThat(drools.upgrade().reason()).as("upgrade reason, " + about).isEqualTo(reference.upgrade().reason());
        assertThat(drools.offers()).as("offers, " + about).isEqualTo(reference.offers());
        assertThat(drools.noOfferReason()).as("no-offer reason, " + about).isEqualTo(reference.noOfferReason());
        assertThat(drools.trace().firedRules()).as("fired rules, " + about)
                .containsExactlyInAnyOrderElementsOf(reference.trace().firedRules());
    }

    /**
     * How often each kind of outcome came up over all the queries of a property's tries: the
     * generated queries must reach every kind of outcome, or agreement proves little.
     */
    private static final class Coverage {
        private final Map<String, Map<String, Integer>> counts = new TreeMap<>();

        void classify(List<PolicyDecision> decisions) {
            for (PolicyDecision decision : decisions) {
                collect("upgrade", decision.upgrade().eligible() ? "granted"
                        : decision.upgrade().reason().contains("ended on") ? "refused: expired" : "refused: other");
                collect("offers", decision.offers().isEmpty() ? "none"
                        : decision.offers().get(0).price().currency().getCurrencyCode());
                collect("no-offer reasons", decision.offers().isEmpty()
                        ? decision.noOfferReason().contains(". ") ? "several" : "one" : "none (offers)");
            }
        }

        private void collect(String label, String value) {
            counts.computeIfAbsent(label, k -> new TreeMap<>()).merge(value, 1, Integer::sum);
        }

        void check() {
            atLeast("upgrade", "granted", 10);
            atLeast("upgrade", "refused: expired", 10);
            atLeast("upgrade", "refused: other", 5);
            atLeast("offers", "EUR", 3);
            atLeast("offers", "GBP", 1);
            atLeast("no-offer reasons", "several", 5);
        }

        /** More than {@code percent} % of the values collected under {@code label} are {@code value}. */
        private void atLeast(String label, String value, double percent) {
            Map<String, Integer> values = counts.getOrDefault(label, Map.of());
            int total = values.values().stream().mapToInt(Integer::intValue).sum();
            double share = total == 0 ? 0 : 100.0 * values.getOrDefault(value, 0) / total;
            assertThat(share).as("%% of \"%s\" among %s %s", value, label, values).isGreaterThan(percent);
        }
    }
}
