package org.warrantykit.examples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;
import org.warrantykit.Category;
import org.warrantykit.DecisionTrace;
import org.warrantykit.Device;
import org.warrantykit.Money;
import org.warrantykit.SerialNumber;
import org.warrantykit.spi.OfferTerm;
import org.warrantykit.spi.PolicyDecision;
import org.warrantykit.spi.PolicyQuery;
import org.warrantykit.spi.ReplacementQuery;
import org.warrantykit.spi.ReplacementVerdict;
import org.warrantykit.spi.StandardTerm;
import org.warrantykit.spi.TransferVerdict;
import org.warrantykit.spi.WarrantyRules;
import org.warrantykit.testkit.ReferenceDifferential;
import org.warrantykit.testkit.ReferencePolicy;
import org.warrantykit.testkit.WarrantyGenerators;

/**
 * The custom policy decides as the reference policy with its documented changes applied
 * ({@code custom-rules/ruleset.properties}): the up-to-10-kW class (X3-HYBRID-G4) is priced 10 %
 * higher, batteries run 12 years, and in AU the warranty is not transferable and extensions are sold
 * from an AUD list within 12 months of the start. The price change is applied to the reference's
 * decision in {@link #expected}; batteries, whose every date moves, and AU devices, whose offers and
 * transfers follow rules of their own, are left out of the comparison and checked by their own
 * properties (batteries also on the days around the 10- and 12-year ends). Replacement verdicts
 * are the reference's with change 7 applied in {@link #expected(ReplacementQuery, ReplacementVerdict)}:
 * a unit of another model line is refused.
 */
class CustomRulesDifferentialTest extends ReferenceDifferential {
    private static final WarrantyRules RULES = CustomRules.load();
    private static final ReferencePolicy REFERENCE = new ReferencePolicy();
    private static final java.util.Set<org.warrantykit.Covered> PARTS_AND_LABOUR =
            org.warrantykit.Covered.scope(org.warrantykit.Covered.PARTS, org.warrantykit.Covered.LABOUR);

    /** The only model of the default table in the power class up to 10 kW. */
    private static final String TEN_KW_MODEL = "X3-HYBRID-G4";
    /** The documented default policy's (README) prices of that class, in EUR, by term in months. */
    private static final Map<Integer, BigDecimal> DESIGN_EUR = Map.of(60, new BigDecimal("270"), 120, new BigDecimal("540"));
    private static final BigDecimal PLUS_TEN_PERCENT = new BigDecimal("1.10");
    private static final String DEFAULT_PRICE_RULE = "Price up to 10 kW: +5 years EUR 270, +10 years EUR 540";
    private static final String CUSTOM_PRICE_RULE = "Price up to 10 kW: +5 years EUR 297, +10 years EUR 594";
    private static final String AU = "AU";
    private static final String AU_TRANSFER_REASON =
            "Under the Australian warranty terms the warranty stays with the original owner.";
    /** The documented default policy (README), "upgrade when online". */
    private static final Map<String, Integer> UPGRADE_YEARS = Map.of(
            "X1-BOOST", 5, "X1-HYBRID-G4", 5, "X3-HYBRID-G4", 5, "X3-MEGA-G2", 1);

    @Override
    protected WarrantyRules rules() {
        return RULES;
    }

    @Override
    protected boolean compares(PolicyQuery query) {
        return query.device().category() != Category.BATTERY && !query.device().region().equals(AU);
    }

    /** The reference's decision with the documented price change applied (AU and batteries aside). */
    @Override
    protected PolicyDecision expected(PolicyQuery query, PolicyDecision reference) {
        return withPriceChange(query, reference);
    }

    private static final String MODEL_LINE_RULE = "Model line: a unit's model name up to its first '-'";
    private static final String OTHER_LINE_RULE = "Replacement refused: a unit of another model line";

    /** The documented model line (change 7): the model's name up to its first '-', the whole name without one. */
    static String modelLine(String model) {
        int dash = model.indexOf('-');
        return dash > 0 ? model.substring(0, dash) : model;
    }

    /**
     * The reference's verdict with change 7 applied: both units are classified (two more rules), and a
     * unit of another model line is refused, naming both lines and models.
     */
    @Override
    protected ReplacementVerdict expected(ReplacementQuery query, ReplacementVerdict reference) {
        String line = modelLine(query.faulty().model());
        String unitLine = modelLine(query.replacement().model());
        List<String> fired = new ArrayList<>(reference.trace().firedRules());
        fired.add(MODEL_LINE_RULE);
        fired.add(MODEL_LINE_RULE);
        if (line.equals(unitLine)) {
            return ReplacementVerdict.allow(reference.reason(), new DecisionTrace(RULES.version(), fired));
        }
        fired.add(OTHER_LINE_RULE);
        return ReplacementVerdict.refuse("A unit of model line " + unitLine + " (" + query.replacement().model()
                + ") cannot take over the warranty of a unit of model line " + line + " (" + query.faulty().model()
                + "); replace it with a unit of the " + line + " line.", new DecisionTrace(RULES.version(), fired));
    }

    /** The brief's example and the cases around it, by model line. */
    @Test
    void replacementsWithinAModelLineAreAllowedAndAcrossLinesRefused() {
        Device x3 = new Device(SerialNumber.parse("SWAPX3000001"), "X3-HYBRID-G4", Category.INVERTER, "DE",
                LocalDate.of(2025, 1, 14), LocalDate.of(2025, 2, 3), Optional.of(LocalDate.of(2025, 4, 22)),
                Optional.empty(), Optional.empty());
        StandardTerm term = REFERENCE.decide(PolicyQuery.fresh(x3, LocalDate.of(2026, 11, 27))).standard();
        org.warrantykit.Coverage standard = new org.warrantykit.Coverage(org.warrantykit.CoverageKind.STANDARD,
                term.start(), term.end(), org.warrantykit.CoverageSource.standard(), term.covers());
        Map<String, Boolean> allowedByModel = Map.of("X1-HYBRID-G4", false, "X1-BOOST", false, "X3-MEGA-G2", true,
                "X3-HYBRID-G4", true, "X3", true, "X3HYBRID", false);
        allowedByModel.forEach((model, allowed) -> {
            Device unit = new Device(SerialNumber.parse("SWAPUNIT0001"), model, Category.INVERTER, "DE",
                    LocalDate.of(2026, 1, 5), LocalDate.of(2026, 2, 1), Optional.empty(), Optional.empty(),
                    Optional.empty());
            ReplacementQuery swap = new ReplacementQuery(x3, unit, LocalDate.of(2026, 11, 27), standard, ZoneOffset.UTC);
            assertThat(RULES.judgeReplacement(swap).allowed()).as(model).isEqualTo(allowed);
            replacementVerdictsAgreeWithTheReference(swap);
        });
    }

    /** Generated queries, every one about a device (not a battery) moved to AU. */
    private static Gen<PolicyQuery> australian() {
        return WarrantyGenerators.policyQueries().assuming(q -> q.device().category() != Category.BATTERY).map(q -> {
            Device d = q.device();
            Device moved = new Device(d.serial(), d.model(), d.category(), AU, d.productionDate(), d.shipDate(),
                    d.installDate(), d.owner(), d.onlineSince());
            return new PolicyQuery(moved, q.on(), q.upgraded(), q.currentEnd(), q.zone());
        });
    }

    /**
     * AU: the reference's standard term and upgrade; the warranty stays with its first owner; the
     * AUD list offered to a line sold online while the day is within 12 months of the standard start,
     * upgraded or not (unless, upgraded, less than 6 months of cover are left), and nothing otherwise,
     * with a reason.
     */
    @Test
    void australianDevicesAreSoldFromTheAudListWithinTwelveMonthsAndKeepTheirFirstOwner() {
        qt().withExamples(300).forAll(australian()).checkAssert(CustomRulesDifferentialTest::australianDevice);
    }

    private static void australianDevice(PolicyQuery query) {
        PolicyDecision actual = RULES.decide(query);
        PolicyDecision reference = REFERENCE.decide(query);
        String about = query + "\n  custom:    " + actual + "\n  reference: " + reference;
        assertThat(actual.standard()).as("standard term, %s", about).isEqualTo(reference.standard());
        assertThat(actual.upgrade()).as("upgrade, %s", about).isEqualTo(reference.upgrade());
        assertThat(actual.transfer()).as("transfer, %s", about).isEqualTo(TransferVerdict.refuse(AU_TRANSFER_REASON));
        List<OfferTerm> expected = australianOffers(query, reference.standard().start());
        assertThat(actual.offers()).as("offers, %s", about).containsExactlyElementsOf(expected);
        if (expected.isEmpty()) {
            assertThat(actual.noOfferReason()).as("no-offer reason, %s", about).isNotBlank();
        } else {
            assertThat(actual.noOfferReason()).as("no-offer reason, %s", about).isEmpty();
        }
    }

    /**
     * The AUD list for a line sold online while the day is within 12 months of {@code start}, upgraded
     * or not (unless, upgraded, less than 6 months of cover are left); nothing otherwise.
     */
    private static List<OfferTerm> australianOffers(PolicyQuery query, LocalDate start) {
        boolean soldOnline = PolicyVariant.SOLD_ONLINE_KW.containsKey(query.device().model());
        boolean withinTwelveMonths = query.on().isBefore(start.plusMonths(12));
        boolean tooLittleLeft = query.upgraded()
                && query.currentEnd().filter(end -> end.isBefore(query.on().plusMonths(6))).isPresent();
        if (!soldOnline || !withinTwelveMonths || tooLittleLeft) {
            return List.of();
        }
        return new java.util.TreeMap<>(CustomRulesTest.AUSTRALIAN_PRICES.prices()).entrySet().stream()
                .map(e -> new OfferTerm(e.getKey(), Money.of(e.getValue(), "AUD"), PARTS_AND_LABOUR)).toList(); // AU: no transport
    }

    /** The AU edge: the last day within 12 months of the start, and the day after. */
    @Test
    void australianSalesEndTwelveMonthsAfterTheStart() {
        Device device = new Device(SerialNumber.parse("AUEDGE000001"), "X1-HYBRID-G4", Category.INVERTER, AU,
                LocalDate.of(2025, 1, 14), LocalDate.of(2025, 2, 3), Optional.of(LocalDate.of(2025, 4, 22)),
                Optional.empty(), Optional.empty());
        LocalDate start = REFERENCE.decide(PolicyQuery.fresh(device, LocalDate.of(2025, 5, 1))).standard().start();
        for (LocalDate on : List.of(start, start.plusMonths(12).minusDays(1), start.plusMonths(12))) {
            australianDevice(PolicyQuery.fresh(device, on));
        }
        assertThat(RULES.decide(PolicyQuery.fresh(device, start.plusMonths(12).minusDays(1))).offers()).hasSize(3);
        assertThat(RULES.decide(PolicyQuery.fresh(device, start.plusMonths(12))).offers()).isEmpty();
    }

    /** The custom scope.drl words the default's first two scope rules as three (EV chargers aside). */
    private static final Map<String, List<String>> CUSTOM_SCOPE_RULES = Map.of(
            "Scope: the standard warranty covers parts and labour", List.of("Scope: the standard warranty covers parts",
                    "Scope: the standard warranty covers labour, except on EV chargers"),
            "Scope: the standard warranty covers transport of replacements in the EU/EEA, GB and CH",
            List.of("Scope: the standard warranty covers transport of replacements in the EU/EEA, GB and CH, except on EV chargers"));

    private static PolicyDecision withCustomScopeRuleNames(PolicyDecision reference) {
        List<String> fired = reference.trace().firedRules().stream()
                .flatMap(rule -> CUSTOM_SCOPE_RULES.getOrDefault(rule, List.of(rule)).stream()).toList();
        return new PolicyDecision(reference.standard(), reference.upgrade(), reference.offers(), reference.noOfferReason(),
                reference.transfer(), new DecisionTrace(reference.trace().ruleSetVersion(), fired));
    }

    /** The documented price change: EUR x 1.10, in GB 0.85 of that, half-up; the custom scope rules' names. */
    private static PolicyDecision withPriceChange(PolicyQuery query, PolicyDecision unchanged) {
        PolicyDecision reference = withCustomScopeRuleNames(unchanged);
        if (!query.device().model().equals(TEN_KW_MODEL) || reference.offers().isEmpty()) {
            return reference;
        }
        List<OfferTerm> offers = reference.offers().stream().map(offer -> {
            BigDecimal eur = DESIGN_EUR.get(offer.months()).multiply(PLUS_TEN_PERCENT);
            boolean gbp = offer.price().currency().getCurrencyCode().equals("GBP");
            BigDecimal amount = gbp ? eur.multiply(new BigDecimal("0.85")).setScale(0, RoundingMode.HALF_UP) : eur;
            return new OfferTerm(offer.months(), Money.of(amount, offer.price().currency()), offer.covers());
        }).toList();
        List<String> fired = reference.trace().firedRules().stream()
                .map(rule -> rule.equals(DEFAULT_PRICE_RULE) ? CUSTOM_PRICE_RULE : rule).toList();
        return new PolicyDecision(reference.standard(), reference.upgrade(), offers, reference.noOfferReason(),
                reference.transfer(), new DecisionTrace(reference.trace().ruleSetVersion(), fired));
    }

    /** About one generated query in five is about a battery; the others are generated anew. */
    private static final int BATTERY_GENERATE_ATTEMPTS = 200;

    private static Gen<PolicyQuery> batteries() {
        return WarrantyGenerators.policyQueries().assuming(q -> q.device().category() == Category.BATTERY);
    }

    /**
     * Batteries: the reference's start, 12 years; the upgrade (by model) only while those 12
     * years run; offers as for any device (they depend on the current end, not the standard term).
     */
    @Test
    void batteriesAreCoveredTwelveYears() {
        qt().withExamples(200).withGenerateAttempts(BATTERY_GENERATE_ATTEMPTS).forAll(batteries())
                .checkAssert(this::batteriesAreCoveredTwelveYears);
    }

    /**
     * The same check on batteries of the table's model, of an unknown model and of two upgradable
     * models filed as batteries; produced on the first and last day generated and on a leap day;
     * never installed, installed on production, 9 months later or the day after; asked on the
     * first day, the last day of 10 and of 12 years and the day after each, fresh and upgraded
     * (on the last 12-year day, and on the last day with 6 months of cover left and the day after).
     */
    @Test
    void batteriesAreCoveredTwelveYearsOnEdgeCases() {
        batteryEdgeCases().forEach(this::batteriesAreCoveredTwelveYears);
    }

    private static List<PolicyQuery> batteryEdgeCases() {
        List<PolicyQuery> queries = new ArrayList<>();
        int serial = 0;
        for (String model : List.of("T-BAT-H5.8", "ACME-BAT-1", "X1-BOOST", "X3-MEGA-G2")) {
            for (LocalDate produced : List.of(WarrantyGenerators.FIRST_PRODUCTION, WarrantyGenerators.LAST_PRODUCTION,
                    LocalDate.of(2024, 2, 29))) {
                LocalDate nineMonths = produced.plusMonths(9);
                for (Optional<LocalDate> installed : List.of(Optional.<LocalDate>empty(), Optional.of(produced),
                        Optional.of(nineMonths), Optional.of(nineMonths.plusDays(1)))) {
                    Device device = new Device(SerialNumber.parse(String.format("BATEDGE%05d", serial++)), model,
                            Category.BATTERY, serial % 2 == 0 ? "GB" : "DE", produced, produced, installed,
                            Optional.empty(), Optional.of(produced.atStartOfDay(ZoneOffset.UTC).toInstant()));
                    LocalDate start = REFERENCE.decide(PolicyQuery.fresh(device, produced)).standard().start();
                    LocalDate tenYears = StandardTerm.endOf(start, 10);
                    LocalDate twelveYears = StandardTerm.endOf(start, 12);
                    for (LocalDate on : List.of(start, tenYears, tenYears.plusDays(1), twelveYears,
                            twelveYears.plusDays(1))) {
                        queries.add(PolicyQuery.fresh(device, on));
                    }
                    LocalDate currentEnd = twelveYears.plusYears(UPGRADE_YEARS.getOrDefault(model, 0));
                    for (LocalDate on : List.of(twelveYears, currentEnd.minusMonths(6),
                            currentEnd.minusMonths(6).plusDays(1))) {
                        queries.add(new PolicyQuery(device, on, true, Optional.of(currentEnd)));
                    }
                }
            }
        }
        return queries;
    }

    void batteriesAreCoveredTwelveYears(PolicyQuery query) {
        PolicyDecision actual = RULES.decide(query);
        PolicyDecision reference = REFERENCE.decide(query);
        String about = query + "\n  custom:    " + actual + "\n  reference: " + reference;
        StandardTerm twelveYears = new StandardTerm(reference.standard().start(), 12, reference.standard().covers());
        assertThat(actual.standard()).as("standard term, %s", about).isEqualTo(twelveYears);
        LocalDate end = twelveYears.end();
        int years = UPGRADE_YEARS.getOrDefault(query.device().model(), 0);
        boolean eligible = years > 0 && !end.isBefore(query.on());
        assertThat(actual.upgrade().eligible()).as("upgrade eligible, %s", about).isEqualTo(eligible);
        assertThat(actual.upgrade().years()).as("upgrade years, %s", about).isEqualTo(eligible ? years : 0);
        List<OfferTerm> offers = query.device().region().equals(AU) ? australianOffers(query, twelveYears.start())
                : expected(query, reference).offers();
        assertThat(actual.offers()).as("offers, %s", about).isEqualTo(offers);
    }
}
