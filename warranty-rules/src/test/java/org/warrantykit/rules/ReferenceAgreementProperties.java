package org.warrantykit.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;
import org.warrantykit.spi.PolicyDecision;
import org.warrantykit.spi.PolicyQuery;
import org.warrantykit.testkit.ReferencePolicy;
import org.warrantykit.testkit.WarrantyArbitraries;

/**
 * Differential test: the shipped DRL ({@link DroolsWarrantyRules#defaults()}) and the plain-Java
 * {@link ReferencePolicy} decide every generated query alike: standard term, upgrade verdict
 * (eligibility, years, reason text), offers (months and price) and no-offer reason. Traces are
 * compared too, except {@code ruleSetVersion} (each names itself) and except the order of
 * {@code firedRules}, which the engine does not guarantee (DESIGN.md): the same rules must fire,
 * each as often.
 *
 * <p>Most tries decide a batch in one engine session ({@code decideAll}), which is how the
 * service decides dashboards and what keeps the run short; one property goes through
 * {@code decide} one query at a time.
 */
class ReferenceAgreementProperties {
    private static final DroolsWarrantyRules DROOLS = DroolsWarrantyRules.defaults();
    private static final ReferencePolicy REFERENCE = new ReferencePolicy();

    @Provide
    Arbitrary<List<PolicyQuery>> batches() {
        return WarrantyArbitraries.policyQueryLists(1, 40);
    }

    @Provide
    Arbitrary<List<PolicyQuery>> upgradedBatches() {
        return WarrantyArbitraries.upgradedQueries().list().ofMinSize(1).ofMaxSize(40)
                .uniqueElements(q -> q.device().serial());
    }

    @Provide
    Arbitrary<PolicyQuery> queries() {
        return WarrantyArbitraries.policyQueries();
    }

    @Property(tries = 800)
    void batchDecisionsAgree(@ForAll("batches") List<PolicyQuery> queries) {
        List<PolicyDecision> drools = DROOLS.decideAll(queries);
        List<PolicyDecision> reference = REFERENCE.decideAll(queries);

        assertThat(drools).hasSameSizeAs(queries);
        for (int i = 0; i < queries.size(); i++) {
            assertAgree(queries.get(i), drools.get(i), reference.get(i));
            classify(queries.get(i), drools.get(i));
        }
        checkCoverage();
    }

    @Property(tries = 400)
    void batchDecisionsAboutUpgradedDevicesAgree(@ForAll("upgradedBatches") List<PolicyQuery> queries) {
        List<PolicyDecision> drools = DROOLS.decideAll(queries);
        List<PolicyDecision> reference = REFERENCE.decideAll(queries);

        assertThat(drools).hasSameSizeAs(queries);
        for (int i = 0; i < queries.size(); i++) {
            assertAgree(queries.get(i), drools.get(i), reference.get(i));
        }
    }

    @Property(tries = 800)
    void singleDecisionsAgree(@ForAll("queries") PolicyQuery query) {
        assertAgree(query, DROOLS.decide(query), REFERENCE.decide(query));
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

    private static void classify(PolicyQuery query, PolicyDecision decision) {
        Statistics.label("upgrade").collect(decision.upgrade().eligible() ? "granted"
                : decision.upgrade().reason().contains("ended on") ? "refused: expired" : "refused: other");
        Statistics.label("offers").collect(decision.offers().isEmpty() ? "none"
                : decision.offers().get(0).price().currency().getCurrencyCode());
        Statistics.label("no-offer reasons").collect(decision.offers().isEmpty()
                ? decision.noOfferReason().contains(". ") ? "several" : "one" : "none (offers)");
    }

    /** The generated queries must reach every kind of outcome, or agreement proves little. */
    private static void checkCoverage() {
        Statistics.label("upgrade").coverage(checker -> {
            checker.check("granted").percentage(p -> p > 10);
            checker.check("refused: expired").percentage(p -> p > 10);
            checker.check("refused: other").percentage(p -> p > 5);
        });
        Statistics.label("offers").coverage(checker -> {
            checker.check("EUR").percentage(p -> p > 3);
            checker.check("GBP").percentage(p -> p > 1);
        });
        Statistics.label("no-offer reasons").coverage(checker -> checker.check("several").percentage(p -> p > 5));
    }
}
