package org.warrantykit.rules;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.warrantykit.spi.PolicyQuery;
import org.warrantykit.spi.WarrantyRules;
import org.warrantykit.testkit.RuleSetContract;

/**
 * The shipped default DRL keeps the rule-set contract of the testkit, exactly as an integrator
 * runs it on their own folder; the contract's checks also run on the hand-picked boundary batches
 * of {@link EdgeCases}.
 */
class DefaultRulesContractTest extends RuleSetContract {
    /** Compiled once for all tests (JUnit makes one instance per test). */
    private static final DroolsWarrantyRules RULES = DroolsWarrantyRules.defaults();

    @Override
    protected WarrantyRules rules() {
        return RULES;
    }

    /** The default's own choice, beyond the contract: extensions are sold only after the free upgrade. */
    @Test
    void extensionsAreSoldOnlyAfterTheUpgrade() {
        forAllBatches(this::noOffersBeforeTheUpgrade);
    }

    @Test
    void contractHoldsOnEdgeCases() {
        for (List<PolicyQuery> batch : EdgeCases.batches()) {
            decidesEveryBatchWithoutFailing(batch);
            standardTermIsWellFormed(batch);
            upgradeIsGrantedOnlyWhileTheStandardWarrantyRuns(batch);
            noOffersOnceTheWarrantyHasEnded(batch);
            noOffersBeforeTheUpgrade(batch);
            offersAreWellFormed(batch);
            sameBatchDecidesTheSameWay(batch);
            traceNamesTheRuleSetVersionAndTheRulesThatFired(batch);
            batchDecidesEachQueryAsDecideDoes(batch.subList(0, Math.min(batch.size(), SMALL_BATCH)));
        }
        for (PolicyQuery query : EdgeCases.queries()) {
            sameQueryDecidesTheSameWay(query);
            standardTermDependsOnTheDeviceAlone(query, new PolicyQuery(query.device(), query.on().plusDays(1),
                    !query.upgraded(), query.upgraded() ? Optional.empty() : Optional.of(query.on().plusYears(5))));
        }
    }
}
