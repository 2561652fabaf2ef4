package org.warrantykit.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.warrantykit.Category;
import org.warrantykit.DecisionTrace;
import org.warrantykit.Money;
import org.warrantykit.spi.OfferTerm;
import org.warrantykit.spi.PolicyDecision;
import org.warrantykit.spi.PolicyQuery;
import org.warrantykit.spi.StandardTerm;
import org.warrantykit.spi.WarrantyRules;
import org.warrantykit.testkit.ReferenceDifferential;
import org.warrantykit.testkit.ReferencePolicy;
import org.warrantykit.testkit.WarrantyArbitraries;

/**
 * The custom policy decides as the reference policy with its two documented changes applied
 * ({@code custom-rules/ruleset.properties}): the up-to-10-kW class (X3-HYBRID-G4) is priced 10 %
 * higher, and batteries run 12 years. The price change is applied to the reference's decision in
 * {@link #expected}; batteries, whose every date moves, are left out of the comparison and checked
 * by their own property.
 */
class CustomRulesDifferentialTest extends ReferenceDifferential {
    private static final WarrantyRules RULES = CustomRules.load();
    private static final ReferencePolicy REFERENCE = new ReferencePolicy();

    /** The only model of the default table in the power class up to 10 kW. */
    private static final String TEN_KW_MODEL = "X3-HYBRID-G4";
    /** DESIGN.md prices of that class, in EUR, by term in months. */
    private static final Map<Integer, BigDecimal> DESIGN_EUR = Map.of(60, new BigDecimal("270"), 120, new BigDecimal("540"));
    private static final BigDecimal PLUS_TEN_PERCENT = new BigDecimal("1.10");
    private static final String DEFAULT_PRICE_RULE = "Price up to 10 kW: +5 years EUR 270, +10 years EUR 540";
    private static final String CUSTOM_PRICE_RULE = "Price up to 10 kW: +5 years EUR 297, +10 years EUR 594";
    /** DESIGN.md, "upgrade when online". */
    private static final Map<String, Integer> UPGRADE_YEARS = Map.of(
            "X1-BOOST", 5, "X1-HYBRID-G4", 5, "X3-HYBRID-G4", 5, "X3-MEGA-G2", 1);

    @Override
    protected WarrantyRules rules() {
        return RULES;
    }

    @Override
    protected boolean compares(PolicyQuery query) {
        return query.device().category() != Category.BATTERY;
    }

    /** The reference's decision with the documented price change: EUR x 1.10, in GB 0.85 of that, half-up. */
    @Override
    protected PolicyDecision expected(PolicyQuery query, PolicyDecision reference) {
        if (!query.device().model().equals(TEN_KW_MODEL) || reference.offers().isEmpty()) {
            return reference;
        }
        List<OfferTerm> offers = reference.offers().stream().map(offer -> {
            BigDecimal eur = DESIGN_EUR.get(offer.months()).multiply(PLUS_TEN_PERCENT);
            boolean gbp = offer.price().currency().getCurrencyCode().equals("GBP");
            BigDecimal amount = gbp ? eur.multiply(new BigDecimal("0.85")).setScale(0, RoundingMode.HALF_UP) : eur;
            return new OfferTerm(offer.months(), Money.of(amount, offer.price().currency()));
        }).toList();
        List<String> fired = reference.trace().firedRules().stream()
                .map(rule -> rule.equals(DEFAULT_PRICE_RULE) ? CUSTOM_PRICE_RULE : rule).toList();
        return new PolicyDecision(reference.standard(), reference.upgrade(), offers, reference.noOfferReason(),
                new DecisionTrace(reference.trace().ruleSetVersion(), fired));
    }

    @Provide
    Arbitrary<PolicyQuery> batteries() {
        return WarrantyArbitraries.policyQueries().filter(q -> q.device().category() == Category.BATTERY);
    }

    /**
     * Batteries: the reference's start, 12 years; the upgrade (by model) only while those 12
     * years run; offers as for any device (they depend on the current end, not the standard term).
     */
    @Property(tries = 200)
    void batteriesAreCoveredTwelveYears(@ForAll("batteries") PolicyQuery query) {
        PolicyDecision actual = RULES.decide(query);
        PolicyDecision reference = REFERENCE.decide(query);
        String about = query + "\n  custom:    " + actual + "\n  reference: " + reference;
        StandardTerm twelveYears = new StandardTerm(reference.standard().start(), 12);
        assertThat(actual.standard()).as("standard term, %s", about).isEqualTo(twelveYears);
        LocalDate end = twelveYears.end();
        int years = UPGRADE_YEARS.getOrDefault(query.device().model(), 0);
        boolean eligible = years > 0 && !end.isBefore(query.on());
        assertThat(actual.upgrade().eligible()).as("upgrade eligible, %s", about).isEqualTo(eligible);
        assertThat(actual.upgrade().years()).as("upgrade years, %s", about).isEqualTo(eligible ? years : 0);
        assertThat(actual.offers()).as("offers, %s", about).isEqualTo(expected(query, reference).offers());
    }
}
