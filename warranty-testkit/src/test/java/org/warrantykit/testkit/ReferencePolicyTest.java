package org.warrantykit.testkit;

import org.warrantykit.Covered;

import static org.assertj.core.api.Assertions.assertThat;
import static org.warrantykit.fixtures.Fixtures.device;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.warrantykit.Category;
import org.warrantykit.Device;
import org.warrantykit.Money;
import org.warrantykit.SerialNumber;
import org.warrantykit.spi.OfferTerm;
import org.warrantykit.spi.PolicyDecision;
import org.warrantykit.spi.PolicyQuery;

/** The reference policy on examples worked out by hand from DESIGN.md, "Default policy". */
class ReferencePolicyTest {
    private static final ReferencePolicy POLICY = new ReferencePolicy();
    private static final LocalDate TODAY = LocalDate.of(2026, 11, 27);

    private static PolicyDecision upgradedOn(Device device, LocalDate on, LocalDate currentEnd) {
        return POLICY.decide(new PolicyQuery(device, on, true, Optional.of(currentEnd)));
    }

    private static OfferTerm offer(int months, String amount, String currency) {
        // the tests' devices are in DE and GB, where the standard term, and so an extension, covers transport
        return new OfferTerm(months, Money.of(amount, currency), Covered.scope(Covered.PARTS, Covered.LABOUR, Covered.TRANSPORT));
    }

    /** An offer outside the EEA, GB and CH: parts and labour, no transport. */
    private static OfferTerm offerWithoutTransport(int months, String amount, String currency) {
        return new OfferTerm(months, Money.of(amount, currency), Covered.scope(Covered.PARTS, Covered.LABOUR));
    }

    @Test
    void fiveYearTermFromMay2nd2023EndsMay1st2028() {
        PolicyDecision d = POLICY.decide(PolicyQuery.fresh(
                device().model("X1-HYBRID-G4").produced(LocalDate.of(2023, 1, 10)).installed(LocalDate.of(2023, 5, 2))
                        .build(), TODAY));

        assertThat(d.standard().start()).isEqualTo(LocalDate.of(2023, 5, 2));
        assertThat(d.standard().years()).isEqualTo(5);
        assertThat(d.standard().end()).isEqualTo(LocalDate.of(2028, 5, 1));
    }

    @Test
    void neverInstalledStartsNineMonthsAfterProduction() {
        PolicyDecision d = POLICY.decide(PolicyQuery.fresh(
                device().model("X1-BOOST").produced(LocalDate.of(2024, 3, 15)).neverInstalled().build(), TODAY));

        assertThat(d.standard().start()).isEqualTo(LocalDate.of(2024, 12, 15));
    }

    @Test
    void leapDayProductionNeverInstalledBatteryRunsTenYearsFromNovember29() {
        PolicyDecision d = POLICY.decide(PolicyQuery.fresh(
                device().model("T-BAT-H5.8").category(Category.BATTERY).region("NL").produced(LocalDate.of(2024, 2, 29))
                        .neverInstalled().build(), TODAY));

        assertThat(d.standard().start()).isEqualTo(LocalDate.of(2024, 11, 29));
        assertThat(d.standard().years()).isEqualTo(10);
        assertThat(d.standard().end()).isEqualTo(LocalDate.of(2034, 11, 28));
    }

    @Test
    void installedLaterThanNineMonthsStartsAtProductionPlusNineMonths() {
        PolicyDecision d = POLICY.decide(PolicyQuery.fresh(
                device().model("X1-BOOST").produced(LocalDate.of(2023, 1, 10)).installed(LocalDate.of(2024, 6, 1))
                        .build(), TODAY));

        assertThat(d.standard().start()).isEqualTo(LocalDate.of(2023, 10, 10));
    }

    @Test
    void installedExactlyNineMonthsAfterProductionStartsThatDay() {
        PolicyDecision d = POLICY.decide(PolicyQuery.fresh(
                device().model("X1-BOOST").produced(LocalDate.of(2023, 5, 31)).installed(LocalDate.of(2024, 2, 29))
                        .build(), TODAY));

        assertThat(d.standard().start()).isEqualTo(LocalDate.of(2024, 2, 29));
        assertThat(d.standard().end()).isEqualTo(LocalDate.of(2029, 2, 27));
    }

    @Test
    void installedBeforeProductionStartsOnTheInstallationDayAsTheEarlierDate() {
        PolicyDecision d = POLICY.decide(PolicyQuery.fresh(
                device().model("X1-BOOST").produced(LocalDate.of(2023, 5, 10)).installed(LocalDate.of(2023, 4, 1))
                        .build(), TODAY));

        assertThat(d.standard().start()).isEqualTo(LocalDate.of(2023, 4, 1));
    }

    @Test
    void hybridInverterIsUpgradedFiveYearsWhileItsStandardWarrantyRuns() {
        Device d = device().model("X3-HYBRID-G4").produced(LocalDate.of(2023, 1, 10)).installed(LocalDate.of(2023, 5,
                2)).build();

        PolicyDecision lastDay = POLICY.decide(PolicyQuery.fresh(d, LocalDate.of(2028, 5, 1)));
        assertThat(lastDay.upgrade().eligible()).isTrue();
        assertThat(lastDay.upgrade().years()).isEqualTo(5);
        assertThat(lastDay.upgrade().reason()).isNotBlank();
    }

    @Test
    void megaInverterIsUpgradedOneYearButNeverExtendedOnline() {
        Device d = device().model("X3-MEGA-G2").produced(LocalDate.of(2025, 1, 1)).installed(LocalDate.of(2025, 2, 1))
                .build();

        PolicyDecision fresh = POLICY.decide(PolicyQuery.fresh(d, TODAY));
        assertThat(fresh.upgrade().eligible()).isTrue();
        assertThat(fresh.upgrade().years()).isEqualTo(1);

        PolicyDecision upgraded = upgradedOn(d, TODAY, LocalDate.of(2031, 1, 31));
        assertThat(upgraded.offers()).isEmpty();
        assertThat(upgraded.noOfferReason()).contains("X3-MEGA-G2");
    }

    @Test
    void expiredStandardWarrantyRefusesTheUpgradeNamingTheDayItEnded() {
        // Installed 2016-03-01 (within 9 months of production): 5 years end 2021-02-28.
        Device d = device().model("X1-BOOST").produced(LocalDate.of(2015, 9, 1)).installed(LocalDate.of(2016, 3, 1))
                .build();

        PolicyDecision dayAfter = POLICY.decide(PolicyQuery.fresh(d, LocalDate.of(2021, 3, 1)));
        assertThat(dayAfter.upgrade().eligible()).isFalse();
        assertThat(dayAfter.upgrade().years()).isZero();
        assertThat(dayAfter.upgrade().reason()).contains("2021-02-28");

        PolicyDecision lastDay = POLICY.decide(PolicyQuery.fresh(d, LocalDate.of(2021, 2, 28)));
        assertThat(lastDay.upgrade().eligible()).isTrue();
    }

    @Test
    void accessoryHasTwoYearsAndNoUpgrade() {
        PolicyDecision d = POLICY.decide(PolicyQuery.fresh(
                device().model("METER-X").category(Category.ACCESSORY).produced(LocalDate.of(2025, 1, 1))
                        .installed(LocalDate.of(2025, 3, 1)).build(), TODAY));

        assertThat(d.standard().years()).isEqualTo(2);
        assertThat(d.standard().end()).isEqualTo(LocalDate.of(2027, 2, 28));
        assertThat(d.upgrade().eligible()).isFalse();
        assertThat(d.upgrade().reason()).contains("METER-X");
        assertThat(d.offers()).isEmpty();
    }

    @Test
    void unlistedModelKeepsItsCategorysStandardAndHasNoUpgradeNorOffer() {
        Device d = device().model("ACME-9000").category(Category.BATTERY).produced(LocalDate.of(2025, 1, 1))
                .installed(LocalDate.of(2025, 3, 1)).build();

        PolicyDecision decision = upgradedOn(d, TODAY, LocalDate.of(2040, 1, 1));
        assertThat(decision.standard().years()).isEqualTo(10);
        assertThat(decision.upgrade().eligible()).isFalse();
        assertThat(decision.offers()).isEmpty();
        assertThat(decision.noOfferReason()).contains("ACME-9000");
    }

    @Test
    void upgradedDevicesAreOfferedEurListPricesByPowerClass() {
        LocalDate produced = LocalDate.of(2025, 1, 1);
        LocalDate farAway = LocalDate.of(2035, 2, 28);

        assertThat(upgradedOn(device().model("X1-BOOST").produced(produced).neverInstalled().build(), TODAY,
                farAway).offers())
                .containsExactly(offer(60, "200", "EUR"), offer(120, "400", "EUR"));
        assertThat(upgradedOn(device().model("X1-HYBRID-G4").region("FR").produced(produced).neverInstalled().build(),
                TODAY, farAway).offers())
                .containsExactly(offer(60, "200", "EUR"), offer(120, "400", "EUR"));
        assertThat(upgradedOn(device().model("X3-HYBRID-G4").region("AU").produced(produced).neverInstalled().build(),
                TODAY, farAway).offers())
                .containsExactly(offerWithoutTransport(60, "270", "EUR"), offerWithoutTransport(120, "540", "EUR"));
    }

    @Test
    void theStandardTermCoversTransportInTheEeaGbAndChAndTheUpgradeCoversPartsOnly() {
        LocalDate produced = LocalDate.of(2025, 1, 1);
        for (String region : List.of("DE", "CZ", "NO", "GB", "CH")) {
            PolicyDecision decision = upgradedOn(device().model("X1-BOOST").region(region).produced(produced)
                    .neverInstalled().build(), TODAY, LocalDate.of(2035, 2, 28));
            assertThat(decision.standard().covers()).as(region).containsExactly(Covered.PARTS, Covered.LABOUR, Covered.TRANSPORT);
            assertThat(decision.offers()).as(region).allSatisfy(o -> assertThat(o.covers()).isEqualTo(decision.standard().covers()));
        }
        for (String region : List.of("AU", "ZA", "US")) {
            PolicyDecision decision = upgradedOn(device().model("X1-BOOST").region(region).produced(produced)
                    .neverInstalled().build(), TODAY, LocalDate.of(2035, 2, 28));
            assertThat(decision.standard().covers()).as(region).containsExactly(Covered.PARTS, Covered.LABOUR);
            assertThat(decision.offers()).as(region).allSatisfy(o -> assertThat(o.covers()).isEqualTo(decision.standard().covers()));
        }
        PolicyDecision fresh = POLICY.decide(PolicyQuery.fresh(device().model("X3-MEGA-G2").region("DE").produced(produced)
                .neverInstalled().build(), TODAY));
        assertThat(fresh.upgrade().years()).isEqualTo(1);
        assertThat(fresh.upgrade().covers()).containsExactly(Covered.PARTS);
    }

    @Test
    void upgradedDevicesInGbAreOfferedGbpRoundedHalfUpToWholePounds() {
        LocalDate produced = LocalDate.of(2025, 1, 1);
        LocalDate farAway = LocalDate.of(2035, 2, 28);

        PolicyDecision small = upgradedOn(device().model("X1-BOOST").region("GB").produced(produced).neverInstalled()
                .build(), TODAY, farAway);
        assertThat(small.offers()).containsExactly(offer(60, "170", "GBP"), offer(120, "340", "GBP"));
        assertThat(small.noOfferReason()).isEmpty();

        PolicyDecision medium = upgradedOn(device().model("X3-HYBRID-G4").region("GB").produced(produced)
                .neverInstalled().build(), TODAY, farAway);
        assertThat(medium.offers()).containsExactly(offer(60, "230", "GBP"), offer(120, "459", "GBP"));
    }

    @Test
    void largePowerClassIsPricedUpToFifteenYears() {
        // No model of the default table is in this class; the table itself is checked.
        assertThat(ReferencePolicy.listPrice(25, 60, false)).contains(Money.of("450", "EUR"));
        assertThat(ReferencePolicy.listPrice(11, 120, false)).contains(Money.of("900", "EUR"));
        assertThat(ReferencePolicy.listPrice(25, 180, false)).contains(Money.of("1350", "EUR"));
        assertThat(ReferencePolicy.listPrice(25, 60, true)).contains(Money.of("383", "GBP"));
        assertThat(ReferencePolicy.listPrice(25, 120, true)).contains(Money.of("765", "GBP"));
        assertThat(ReferencePolicy.listPrice(25, 180, true)).contains(Money.of("1148", "GBP"));
        assertThat(ReferencePolicy.listPrice(10, 180, false)).isEmpty();
        assertThat(ReferencePolicy.listPrice(26, 60, false)).isEmpty();
        assertThat(ReferencePolicy.listPrice(5, 60, true)).contains(Money.of("170", "GBP"));
        assertThat(ReferencePolicy.listPrice(6, 60, false)).contains(Money.of("270", "EUR"));
    }

    @Test
    void offersNeedSixMonthsOfCoverLeft() {
        Device d = device().model("X1-BOOST").produced(LocalDate.of(2025, 1, 1)).neverInstalled().build();
        LocalDate on = LocalDate.of(2026, 11, 27);

        assertThat(upgradedOn(d, on, LocalDate.of(2027, 5, 27)).offers()).hasSize(2);
        PolicyDecision dayShort = upgradedOn(d, on, LocalDate.of(2027, 5, 26));
        assertThat(dayShort.offers()).isEmpty();
        assertThat(dayShort.noOfferReason()).contains("2027-05-26");
    }

    @Test
    void offersNeedTheUpgradeFirst() {
        Device d = device().model("X1-BOOST").produced(LocalDate.of(2025, 1, 1)).neverInstalled().build();

        PolicyDecision fresh = POLICY.decide(PolicyQuery.fresh(d, TODAY));
        assertThat(fresh.offers()).isEmpty();
        assertThat(fresh.noOfferReason()).containsIgnoringCase("upgrade");
    }

    @Test
    void everyApplicableNoOfferReasonIsGivenOnce() {
        Device mega = device().model("X3-MEGA-G2").produced(LocalDate.of(2025, 1, 1)).neverInstalled().build();

        PolicyDecision d = POLICY.decide(PolicyQuery.fresh(mega, TODAY));
        assertThat(d.noOfferReason()).contains("X3-MEGA-G2").containsIgnoringCase("upgrade");
        String reason = d.noOfferReason();
        String[] sentences = reason.split("(?<=\\.) ");
        assertThat(sentences).hasSize(2).isSorted().doesNotHaveDuplicates();
    }

    @Test
    void traceNamesTheReferenceAndTheDecisions() {
        PolicyDecision d = POLICY.decide(PolicyQuery.fresh(
                device().model("METER-X").category(Category.ACCESSORY).region("GB").produced(LocalDate.of(2025, 1, 1))
                        .neverInstalled().build(), TODAY));

        assertThat(POLICY.version()).isEqualTo("reference");
        assertThat(d.trace().ruleSetVersion()).isEqualTo("reference");
        assertThat(d.trace().firedRules())
                .contains("Standard start: production date + 9 months, when never installed",
                        "Standard term: accessories 2 years",
                        "Upgrade refused: the product line has no online upgrade")
                .doesNotContain("Standard term: inverters 5 years");
    }

    @Test
    void decideAllDecidesEachQueryInOrder() {
        List<PolicyQuery> queries = List.of(
                PolicyQuery.fresh(device().model("METER-X").category(Category.ACCESSORY).produced(LocalDate.of(2025, 1,
                        1)).neverInstalled().build(), TODAY),
                PolicyQuery.fresh(new Device(SerialNumber.parse("REF0000000002"), "X1-BOOST", Category.INVERTER, "GB",
                        LocalDate.of(2020, 1, 1), LocalDate.of(2020, 1, 2), Optional.empty(), Optional.empty(),
                        Optional.empty()), TODAY));

        List<PolicyDecision> all = POLICY.decideAll(queries);
        assertThat(all).hasSize(2);
        assertThat(all.get(0).standard().years()).isEqualTo(2);
        assertThat(all.get(1).standard().years()).isEqualTo(5);
        assertThat(all).containsExactly(POLICY.decide(queries.get(0)), POLICY.decide(queries.get(1)));
    }

    @Test
    void aUnitOfTheSameCategoryTakesOverTheRemainingWarrantyWhateverItsModelOrLine() {
        Device faulty = device("FAULTY000001").model("X3-HYBRID-G4").build();
        org.warrantykit.Coverage extension = new org.warrantykit.Coverage(org.warrantykit.CoverageKind.EXTENSION,
                LocalDate.of(2028, 5, 2), LocalDate.of(2033, 5, 1), org.warrantykit.CoverageSource.batch("B-1"),
                Covered.scope(Covered.PARTS));
        org.warrantykit.spi.ReplacementVerdict verdict = POLICY.judgeReplacement(new org.warrantykit.spi.ReplacementQuery(
                faulty, device("SPARE0000001").model("X1-BOOST").region("AU").build(), TODAY, extension,
                java.time.ZoneOffset.UTC));

        assertThat(verdict.allowed()).isTrue();
        assertThat(verdict.reason()).isEqualTo("The replacement unit takes over the remaining warranty of the faulty unit.");
        assertThat(verdict.trace()).isEqualTo(new org.warrantykit.DecisionTrace(ReferencePolicy.VERSION,
                List.of("Replacement: a unit of the same category takes over the remaining warranty")));
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> POLICY.judgeReplacement(
                new org.warrantykit.spi.ReplacementQuery(faulty, faulty, TODAY, extension, java.time.ZoneOffset.UTC)))
                .isInstanceOf(org.warrantykit.InvalidValueException.class)
                .hasMessage("replacement: device FAULTY000001 cannot replace itself");
    }
}
