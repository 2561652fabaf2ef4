package org.warrantykit.testkit;

import org.warrantykit.Covered;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.warrantykit.fixtures.Fixtures.device;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiFunction;
import org.junit.jupiter.api.Test;
import org.warrantykit.Coverage;
import org.warrantykit.CoverageKind;
import org.warrantykit.CoverageSource;
import org.warrantykit.DecisionTrace;
import org.warrantykit.Money;
import org.warrantykit.spi.OfferTerm;
import org.warrantykit.spi.PolicyDecision;
import org.warrantykit.spi.PolicyQuery;
import org.warrantykit.spi.ReplacementQuery;
import org.warrantykit.spi.ReplacementVerdict;
import org.warrantykit.spi.StandardTerm;
import org.warrantykit.spi.UpgradeVerdict;
import org.warrantykit.spi.WarrantyRules;

/**
 * The contract kit catches broken rule sets: each property of {@link RuleSetContract} and
 * {@link ReferenceDifferential}, called on a few hand-picked queries, passes for the reference
 * policy and fails for a rule set broken in the way the property is about.
 */
class ContractKitMutationTest {
    private static final ReferencePolicy REFERENCE = new ReferencePolicy();
    private static final LocalDate TODAY = LocalDate.of(2026, 11, 27);

    /** An X1-HYBRID-G4 installed 2025-04-22: the upgrade applies today, nothing is offered yet. */
    private static final PolicyQuery RUNNING = PolicyQuery.fresh(device("MUT0000000001").model("X1-HYBRID-G4")
            .produced(LocalDate.of(2025, 1, 14)).installed(LocalDate.of(2025, 4, 22)).offline().build(), TODAY);
    /** An upgraded X3-HYBRID-G4 with years of cover left: two offers. */
    private static final PolicyQuery UPGRADED = new PolicyQuery(device("MUT0000000002").model("X3-HYBRID-G4")
            .produced(LocalDate.of(2024, 1, 10)).installed(LocalDate.of(2024, 3, 1)).offline().build(), TODAY, true,
            Optional.of(LocalDate.of(2034, 2, 28)));
    /** An X1-BOOST whose standard warranty ended in 2020. */
    private static final PolicyQuery EXPIRED = PolicyQuery.fresh(device("MUT0000000003").model("X1-BOOST")
            .produced(LocalDate.of(2015, 1, 10)).installed(LocalDate.of(2015, 3, 1)).offline().build(), TODAY);
    private static final List<PolicyQuery> BATCH = List.of(RUNNING, UPGRADED, EXPIRED);
    /** RUNNING's X1-HYBRID-G4 swapped today for an X3-HYBRID-G4, under its standard line. */
    private static final ReplacementQuery SWAP = new ReplacementQuery(RUNNING.device(),
            device("MUT0000000004").model("X3-HYBRID-G4").offline().build(), TODAY, new Coverage(CoverageKind.STANDARD,
            LocalDate.of(2025, 4, 22), LocalDate.of(2030, 4, 21), CoverageSource.standard(), Covered.scope(Covered.PARTS)),
            java.time.ZoneOffset.UTC);

    /** The reference policy with its replacement verdicts changed. */
    private static WarrantyRules judging(java.util.function.Function<ReplacementQuery, ReplacementVerdict> judge) {
        return new WarrantyRules() {
            @Override
            public String version() {
                return ReferencePolicy.VERSION;
            }

            @Override
            public PolicyDecision decide(PolicyQuery query) {
                return REFERENCE.decide(query);
            }

            @Override
            public ReplacementVerdict judgeReplacement(ReplacementQuery query) {
                return judge.apply(query);
            }
        };
    }

    /** The reference policy with one change applied to each of its decisions. */
    private static WarrantyRules changed(BiFunction<PolicyQuery, PolicyDecision, PolicyDecision> change) {
        return new WarrantyRules() {
            @Override
            public String version() {
                return ReferencePolicy.VERSION;
            }

            @Override
            public PolicyDecision decide(PolicyQuery query) {
                return change.apply(query, REFERENCE.decide(query));
            }
        };
    }

    private static PolicyDecision with(PolicyDecision d, List<OfferTerm> offers, String noOfferReason) {
        return new PolicyDecision(d.standard(), d.upgrade(), offers, noOfferReason, d.transfer(), d.trace());
    }

    private static RuleSetContract contract(WarrantyRules rules) {
        return new RuleSetContract() {
            @Override
            protected WarrantyRules rules() {
                return rules;
            }
        };
    }

    /** Every contract property on the hand-picked queries. */
    private static void runContract(RuleSetContract contract) {
        contract.decidesEveryBatchWithoutFailing(BATCH);
        contract.decidesAnEmptyBatchAsNoDecisions();
        contract.standardTermIsWellFormed(BATCH);
        for (PolicyQuery query : BATCH) {
            contract.standardTermDependsOnTheDeviceAlone(query,
                    new PolicyQuery(query.device(), query.on().plusYears(3), true, Optional.of(query.on().plusYears(9))));
            contract.sameQueryDecidesTheSameWay(query);
        }
        contract.upgradeIsGrantedOnlyWhileTheStandardWarrantyRuns(BATCH);
        contract.noOffersOnceTheWarrantyHasEnded(BATCH);
        contract.noOffersBeforeTheUpgrade(BATCH);
        contract.offersAreWellFormed(BATCH);
        contract.sameBatchDecidesTheSameWay(BATCH);
        contract.batchDecidesEachQueryAsDecideDoes(BATCH);
        contract.traceNamesTheRuleSetVersionAndTheRulesThatFired(BATCH);
        contract.judgesEveryReplacementWithAReason(SWAP);
        contract.sameReplacementIsJudgedTheSameWay(SWAP);
    }

    @Test
    void theHandPickedQueriesReachWhatTheMutationsNeed() {
        assertThat(REFERENCE.decide(RUNNING).upgrade().eligible()).isTrue();
        assertThat(REFERENCE.decide(RUNNING).offers()).isEmpty();
        assertThat(REFERENCE.decide(UPGRADED).offers()).hasSizeGreaterThanOrEqualTo(2);
        assertThat(REFERENCE.decide(EXPIRED).upgrade().eligible()).isFalse();
    }

    @Test
    void theReferencePolicyPassesEveryProperty() {
        assertThatCode(() -> runContract(contract(REFERENCE))).doesNotThrowAnyException();
    }

    @Test
    void aRuleSetThatThrowsFailsNamingTheQuery() {
        RuleSetContract contract = contract(changed((q, d) -> {
            if (q.device().model().equals("X1-BOOST")) {
                throw new IllegalStateException("no rule for X1-BOOST");
            }
            return d;
        }));
        assertThatThrownBy(() -> contract.decidesEveryBatchWithoutFailing(BATCH)).isInstanceOf(AssertionError.class)
                .hasMessageContaining("no rule for X1-BOOST").hasMessageContaining("MUT0000000003");
    }

    @Test
    void aStandardTermOfSixtyYearsFails() {
        RuleSetContract contract = contract(changed((q, d) -> new PolicyDecision(
                new StandardTerm(d.standard().start(), 60, d.standard().covers()), d.upgrade(), d.offers(), d.noOfferReason(), d.transfer(), d.trace())));
        assertThatThrownBy(() -> contract.standardTermIsWellFormed(BATCH)).isInstanceOf(AssertionError.class)
                .hasMessageContaining("standard years");
    }

    @Test
    void aStandardTermThatMovesWithTheDayAskedFails() {
        RuleSetContract contract = contract(changed((q, d) -> new PolicyDecision(
                new StandardTerm(q.on().minusYears(1), d.standard().years(), d.standard().covers()), d.upgrade(), d.offers(),
                d.noOfferReason(), d.transfer(), d.trace())));
        assertThatThrownBy(() -> contract.standardTermDependsOnTheDeviceAlone(
                RUNNING, PolicyQuery.fresh(RUNNING.device(), TODAY.plusDays(1))))
                .isInstanceOf(AssertionError.class).hasMessageContaining("same device asked twice");
    }

    @Test
    void anUpgradeGrantedAfterTheStandardWarrantyEndedFails() {
        RuleSetContract contract = contract(changed((q, d) -> new PolicyDecision(d.standard(),
                UpgradeVerdict.grant(5, "always", Covered.scope(Covered.PARTS)), d.offers(), d.noOfferReason(), d.transfer(), d.trace())));
        assertThatThrownBy(() -> contract.upgradeIsGrantedOnlyWhileTheStandardWarrantyRuns(BATCH))
                .isInstanceOf(AssertionError.class).hasMessageContaining("MUT0000000003");
    }

    @Test
    void offersBeforeTheUpgradeFail() {
        RuleSetContract contract = contract(changed((q, d) -> q.upgraded() ? d
                : with(d, List.of(new OfferTerm(60, Money.of("1", "EUR"), Covered.scope(Covered.PARTS, Covered.LABOUR))), "")));
        assertThatThrownBy(() -> contract.noOffersBeforeTheUpgrade(BATCH)).isInstanceOf(AssertionError.class)
                .hasMessageContaining("not upgraded");
    }

    @Test
    void offersForAnEndedWarrantyFail() {
        RuleSetContract contract = contract(changed((q, d) -> with(d, List.of(new OfferTerm(60, Money.of("1", "EUR"), Covered.scope(Covered.PARTS, Covered.LABOUR))), "")));
        assertThatThrownBy(() -> contract.noOffersOnceTheWarrantyHasEnded(BATCH)).isInstanceOf(AssertionError.class)
                .hasMessageContaining("warranty has ended").hasMessageContaining("MUT0000000003");
    }

    @Test
    void offersBeforeTheUpgradeWhileTheWarrantyRunsAreNoBreachOfTheContract() {
        RuleSetContract contract = contract(changed((q, d) -> q.upgraded() || !q.equals(RUNNING) ? d
                : with(d, List.of(new OfferTerm(60, Money.of("1", "EUR"), Covered.scope(Covered.PARTS, Covered.LABOUR))), "")));
        assertThatCode(() -> contract.noOffersOnceTheWarrantyHasEnded(BATCH)).doesNotThrowAnyException();
        assertThatCode(() -> contract.offersAreWellFormed(BATCH)).doesNotThrowAnyException();
    }

    @Test
    void offersInDescendingOrderFail() {
        RuleSetContract contract = contract(changed((q, d) -> {
            List<OfferTerm> reversed = new ArrayList<>(d.offers());
            Collections.reverse(reversed);
            return with(d, reversed, d.noOfferReason());
        }));
        assertThatThrownBy(() -> contract.offersAreWellFormed(BATCH)).isInstanceOf(AssertionError.class)
                .hasMessageContaining("ascending");
    }

    @Test
    void offersWithANoOfferReasonFail() {
        RuleSetContract contract = contract(changed((q, d) -> with(d, d.offers(), "Sold out.")));
        assertThatThrownBy(() -> contract.offersAreWellFormed(BATCH)).isInstanceOf(AssertionError.class)
                .hasMessageContaining("no-offer reason next to offers");
    }

    @Test
    void aTraceThatChangesFromCallToCallFails() {
        AtomicInteger calls = new AtomicInteger();
        RuleSetContract contract = contract(changed((q, d) -> new PolicyDecision(d.standard(), d.upgrade(), d.offers(),
                d.noOfferReason(), d.transfer(), new DecisionTrace(d.trace().ruleSetVersion(),
                List.of("call " + calls.incrementAndGet())))));
        assertThatThrownBy(() -> contract.sameQueryDecidesTheSameWay(RUNNING)).isInstanceOf(AssertionError.class)
                .hasMessageContaining("decided twice");
        assertThatThrownBy(() -> contract.sameBatchDecidesTheSameWay(BATCH)).isInstanceOf(AssertionError.class)
                .hasMessageContaining("decided twice");
    }

    @Test
    void aBatchInAnotherOrderThanItsQueriesFails() {
        RuleSetContract contract = contract(new WarrantyRules() {
            @Override
            public String version() {
                return ReferencePolicy.VERSION;
            }

            @Override
            public PolicyDecision decide(PolicyQuery query) {
                return REFERENCE.decide(query);
            }

            @Override
            public List<PolicyDecision> decideAll(List<PolicyQuery> queries) {
                List<PolicyDecision> decisions = new ArrayList<>(REFERENCE.decideAll(queries));
                Collections.reverse(decisions);
                return decisions;
            }
        });
        assertThatThrownBy(() -> contract.batchDecidesEachQueryAsDecideDoes(BATCH)).isInstanceOf(AssertionError.class)
                .hasMessageContaining("query 0 of 3");
    }

    @Test
    void aTraceNamingAnotherVersionOrNoRuleFails() {
        RuleSetContract otherVersion = contract(new WarrantyRules() {
            @Override
            public String version() {
                return "acme-2027.01";
            }

            @Override
            public PolicyDecision decide(PolicyQuery query) {
                return REFERENCE.decide(query); // traces name "reference"
            }
        });
        assertThatThrownBy(() -> otherVersion.traceNamesTheRuleSetVersionAndTheRulesThatFired(BATCH))
                .isInstanceOf(AssertionError.class).hasMessageContaining("trace version");
        RuleSetContract noRules = contract(changed((q, d) -> new PolicyDecision(d.standard(), d.upgrade(), d.offers(),
                d.noOfferReason(), d.transfer(), new DecisionTrace(d.trace().ruleSetVersion(), List.of()))));
        assertThatThrownBy(() -> noRules.traceNamesTheRuleSetVersionAndTheRulesThatFired(BATCH))
                .isInstanceOf(AssertionError.class).hasMessageContaining("fired rules");
    }

    @Test
    void aPolicyWithoutReplacementRulesKeepsTheContract() {
        WarrantyRules inheritsTheDefault = changed((q, d) -> d);
        assertThat(inheritsTheDefault.judgeReplacement(SWAP).trace().firedRules()).isEmpty();
        assertThatCode(() -> runContract(contract(inheritsTheDefault))).doesNotThrowAnyException();
    }

    @Test
    void aReplacementJudgeThatThrowsFailsNamingTheSwap() {
        RuleSetContract contract = contract(judging(q -> {
            throw new IllegalStateException("no replacement rule for " + q.replacement().model());
        }));
        assertThatThrownBy(() -> contract.judgesEveryReplacementWithAReason(SWAP)).isInstanceOf(AssertionError.class)
                .hasMessageContaining("no replacement rule for X3-HYBRID-G4").hasMessageContaining("MUT0000000004");
    }

    @Test
    void aReplacementVerdictNamingAnotherVersionFails() {
        RuleSetContract contract = contract(judging(q -> ReplacementVerdict.allow("Fine.",
                new DecisionTrace("acme-2027.01", List.of("Replacement: fine")))));
        assertThatThrownBy(() -> contract.judgesEveryReplacementWithAReason(SWAP)).isInstanceOf(AssertionError.class)
                .hasMessageContaining("trace version");
    }

    @Test
    void aReplacementVerdictThatChangesFromCallToCallFails() {
        AtomicInteger calls = new AtomicInteger();
        RuleSetContract contract = contract(judging(q -> calls.incrementAndGet() % 2 == 0
                ? ReplacementVerdict.allow("Fine.", new DecisionTrace(ReferencePolicy.VERSION, List.of("r")))
                : ReplacementVerdict.refuse("Not today.", new DecisionTrace(ReferencePolicy.VERSION, List.of("r")))));
        assertThatThrownBy(() -> contract.sameReplacementIsJudgedTheSameWay(SWAP)).isInstanceOf(AssertionError.class)
                .hasMessageContaining("judged twice");
    }

    // ---------------------------------------------------------------- ReferenceDifferential

    private static final BiFunction<PolicyQuery, PolicyDecision, PolicyDecision> PRICES_UP_TEN_PERCENT = (q, d) ->
            with(d, d.offers().stream().map(o -> new OfferTerm(o.months(), Money.of(o.price().amount()
                    .multiply(new BigDecimal("1.1")).setScale(2, RoundingMode.HALF_UP),
                    o.price().currency()), o.covers())).toList(), d.noOfferReason());

    private static ReferenceDifferential differential(WarrantyRules rules,
                                                      BiFunction<PolicyQuery, PolicyDecision, PolicyDecision> expected,
                                                      boolean compareUpgradedDevices) {
        return new ReferenceDifferential() {
            @Override
            protected WarrantyRules rules() {
                return rules;
            }

            @Override
            protected PolicyDecision expected(PolicyQuery query, PolicyDecision referenceDecision) {
                return expected.apply(query, referenceDecision);
            }

            @Override
            protected boolean compares(PolicyQuery query) {
                return compareUpgradedDevices || !query.upgraded();
            }
        };
    }

    @Test
    void theDifferentialPassesForTheReferenceItself() {
        ReferenceDifferential same = differential(REFERENCE, (q, d) -> d, true);
        assertThatCode(() -> {
            same.batchDecisionsAgreeWithTheReference(BATCH);
            BATCH.forEach(same::singleDecisionsAgreeWithTheReference);
        }).doesNotThrowAnyException();
    }

    @Test
    void theDifferentialCatchesAChangedPriceUnlessExpectedOrLeftOut() {
        WarrantyRules dearer = changed(PRICES_UP_TEN_PERCENT);
        ReferenceDifferential unaware = differential(dearer, (q, d) -> d, true);
        assertThatThrownBy(() -> unaware.batchDecisionsAgreeWithTheReference(BATCH)).isInstanceOf(AssertionError.class)
                .hasMessageContaining("offers").hasMessageContaining("MUT0000000002");
        assertThatThrownBy(() -> unaware.singleDecisionsAgreeWithTheReference(UPGRADED)).isInstanceOf(AssertionError.class);

        ReferenceDifferential expecting = differential(dearer, PRICES_UP_TEN_PERCENT, true);
        assertThatCode(() -> expecting.batchDecisionsAgreeWithTheReference(BATCH)).doesNotThrowAnyException();
        ReferenceDifferential leavingOut = differential(dearer, (q, d) -> d, false);
        assertThatCode(() -> leavingOut.batchDecisionsAgreeWithTheReference(BATCH)).doesNotThrowAnyException();
    }

    @Test
    void theDifferentialCatchesAReplacementRefusedUnlessExpectedOrLeftOut() {
        WarrantyRules refusesOtherModels = judging(q -> q.faulty().model().equals(q.replacement().model())
                ? REFERENCE.judgeReplacement(q)
                : ReplacementVerdict.refuse("Only the same model.", new DecisionTrace(ReferencePolicy.VERSION,
                        List.of("Replacement refused: another model"))));
        ReferenceDifferential unaware = differential(refusesOtherModels, (q, d) -> d, true);
        assertThatThrownBy(() -> unaware.replacementVerdictsAgreeWithTheReference(SWAP)).isInstanceOf(AssertionError.class)
                .hasMessageContaining("replacement allowed").hasMessageContaining("MUT0000000004");

        ReferenceDifferential expecting = new ReferenceDifferential() {
            @Override
            protected WarrantyRules rules() {
                return refusesOtherModels;
            }

            @Override
            protected ReplacementVerdict expected(ReplacementQuery query, ReplacementVerdict reference) {
                return ReplacementVerdict.refuse("Only the same model.", new DecisionTrace("any",
                        List.of("Replacement refused: another model")));
            }
        };
        assertThatCode(() -> expecting.replacementVerdictsAgreeWithTheReference(SWAP)).doesNotThrowAnyException();
        ReferenceDifferential leavingOut = new ReferenceDifferential() {
            @Override
            protected WarrantyRules rules() {
                return refusesOtherModels;
            }

            @Override
            protected boolean compares(ReplacementQuery query) {
                return query.faulty().model().equals(query.replacement().model());
            }
        };
        assertThatCode(() -> leavingOut.replacementVerdictsAgreeWithTheReference(SWAP)).doesNotThrowAnyException();
        ReferenceDifferential same = differential(REFERENCE, (q, d) -> d, true);
        assertThatCode(() -> same.replacementVerdictsAgreeWithTheReference(SWAP)).doesNotThrowAnyException();
    }

    @Test
    void theDifferentialComparesFiredRulesAsAMultiset() {
        ReferenceDifferential reordered = differential(changed((q, d) -> {
            List<String> fired = new ArrayList<>(d.trace().firedRules());
            Collections.reverse(fired);
            return new PolicyDecision(d.standard(), d.upgrade(), d.offers(), d.noOfferReason(),
                    d.transfer(), new DecisionTrace("other-version", fired));
        }), (q, d) -> d, true);
        assertThatCode(() -> reordered.batchDecisionsAgreeWithTheReference(BATCH)).doesNotThrowAnyException();
        ReferenceDifferential missingRule = differential(changed((q, d) -> new PolicyDecision(d.standard(), d.upgrade(),
                d.offers(), d.noOfferReason(), d.transfer(), new DecisionTrace(d.trace().ruleSetVersion(),
                d.trace().firedRules().subList(1, d.trace().firedRules().size())))), (q, d) -> d, true);
        assertThatThrownBy(() -> missingRule.batchDecisionsAgreeWithTheReference(BATCH))
                .isInstanceOf(AssertionError.class).hasMessageContaining("fired rules");
    }
}
