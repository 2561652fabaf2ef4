package org.warrantykit.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.warrantykit.fixtures.Fixtures.device;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Currency;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.warrantykit.Category;
import org.warrantykit.Covered;
import org.warrantykit.Device;
import org.warrantykit.Money;
import org.warrantykit.SerialNumber;
import org.warrantykit.spi.OfferTerm;
import org.warrantykit.spi.PolicyDecision;
import org.warrantykit.spi.PolicyQuery;

class DefaultPolicyTest {
    static final DroolsWarrantyRules RULES = DroolsWarrantyRules.defaults();
    static final java.util.Set<Covered> WITH_TRANSPORT = Covered.scope(Covered.PARTS, Covered.LABOUR, Covered.TRANSPORT);
    static final java.util.Set<Covered> PARTS_AND_LABOUR = Covered.scope(Covered.PARTS, Covered.LABOUR);
    static final LocalDate TODAY = LocalDate.of(2026, 11, 27);

    @Test
    void inverterInstalledEarlyStartsOnInstallationAndRunsFiveYearsInclusive() {
        PolicyDecision d = RULES.decide(PolicyQuery.fresh(
                device().model("X1-HYBRID-G4").produced(LocalDate.of(2023, 1, 10)).installed(LocalDate.of(2023, 5, 2))
                        .build(), TODAY));
        assertThat(d.standard().start()).isEqualTo(LocalDate.of(2023, 5, 2));
        assertThat(d.standard().end()).isEqualTo(LocalDate.of(2028, 5, 1));
        assertThat(d.upgrade().eligible()).isTrue();
        assertThat(d.upgrade().years()).isEqualTo(5);
        assertThat(d.offers()).isEmpty();
        assertThat(d.noOfferReason()).contains("upgrade");
        assertThat(d.trace().ruleSetVersion()).startsWith("default-2026.11@");
        assertThat(d.trace().firedRules()).contains(
                "Standard start: installation date, when installed within 9 months of production",
                "Standard term: inverters 5 years",
                "Upgrade: X1 and X3 hybrid inverters gain 5 years while the standard warranty runs");
    }

    /** The default knows three categories; for another it decides nothing rather than guess a term. */
    @Test
    void aCategoryTheDefaultDoesNotNameIsRefusedNamingTheDevice() {
        Device charger = device("EVC0000000001").model("X1-EVC").category(Category.of("EV_CHARGER"))
                .produced(LocalDate.of(2025, 1, 10)).installed(LocalDate.of(2025, 3, 1)).build();
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> RULES.decide(PolicyQuery.fresh(charger, TODAY)))
                .isInstanceOf(org.warrantykit.RuleSetException.class)
                .hasMessageContaining("EVC0000000001");
    }

    @Test
    void neverInstalledStartsNineMonthsAfterProduction() {
        PolicyDecision d = RULES.decide(PolicyQuery.fresh(
                device().model("T-BAT-H5.8").category(Category.BATTERY).region("NL").produced(LocalDate.of(2024, 2, 29))
                        .neverInstalled().build(), TODAY));
        assertThat(d.standard().start()).isEqualTo(LocalDate.of(2024, 11, 29));
        assertThat(d.standard().years()).isEqualTo(10);
        assertThat(d.upgrade().eligible()).isFalse();
        assertThat(d.upgrade().reason()).isEqualTo("Model T-BAT-H5.8 has no online warranty upgrade.");
    }

    @Test
    void upgradedGbDeviceIsOfferedGbpPricesRoundedHalfUp() {
        Device d = device().model("X3-HYBRID-G4").region("GB").produced(LocalDate.of(2025, 1, 1))
                .installed(LocalDate.of(2025, 3, 1)).build();
        PolicyDecision decision = RULES.decide(new PolicyQuery(d, TODAY, true, Optional.of(LocalDate.of(2035, 2, 28))));
        assertThat(decision.offers()).containsExactly(
                new OfferTerm(60, Money.of(new BigDecimal("230"), Currency.getInstance("GBP")), WITH_TRANSPORT),
                new OfferTerm(120, Money.of("459", "GBP"), WITH_TRANSPORT));
        assertThat(decision.noOfferReason()).isEmpty();
    }

    @Test
    void batchDecisionsKeepTracesApartPerDevice() {
        Device a = device().model("X1-BOOST").produced(LocalDate.of(2025, 1, 1)).neverInstalled().build();
        Device b = new Device(SerialNumber.parse("TEST0000000002"), "METER-X", Category.ACCESSORY, "DE",
                LocalDate.of(2025, 1, 1), LocalDate.of(2025, 1, 2), Optional.empty(), Optional.empty(), Optional.empty());
        List<PolicyDecision> both = RULES.decideAll(List.of(PolicyQuery.fresh(a, TODAY), PolicyQuery.fresh(b, TODAY)));
        assertThat(both.get(0).trace().firedRules()).contains("Standard term: inverters 5 years")
                .doesNotContain("Standard term: accessories 2 years");
        assertThat(both.get(1).trace().firedRules()).contains("Standard term: accessories 2 years")
                .doesNotContain("Standard term: inverters 5 years");
        assertThat(both.get(1).standard().years()).isEqualTo(2);
    }

    @Test
    void aBatchWithTheSameDeviceTwiceDecidesEachQueryOnItsOwn() {
        Device d = device().model("X1-HYBRID-G4").produced(LocalDate.of(2023, 1, 10)).installed(LocalDate.of(2023, 5,
                2)).build();
        PolicyQuery early = PolicyQuery.fresh(d, LocalDate.of(2024, 1, 1));
        PolicyQuery late = PolicyQuery.fresh(d, LocalDate.of(2030, 1, 1));
        PolicyQuery upgraded = new PolicyQuery(d, LocalDate.of(2024, 1, 1), true, Optional.of(LocalDate.of(2033, 5, 1)));
        List<PolicyDecision> batch = RULES.decideAll(List.of(early, late, upgraded, early));
        assertThat(batch).containsExactly(RULES.decide(early), RULES.decide(late), RULES.decide(upgraded), RULES.decide(early));
        assertThat(batch.get(0).upgrade().eligible()).isTrue();
        assertThat(batch.get(1).upgrade().eligible()).isFalse();
        assertThat(batch.get(2).offers()).hasSize(2);
    }

    // ---------------------------------------------------------------- scope.drl

    @Test
    void theStandardTermCoversPartsAndLabourAndTransportOnlyInTheEeaGbAndCh() {
        for (String region : List.of("DE", "CZ", "PL", "IS", "NO", "GB", "CH")) {
            Device d = device().model("X1-HYBRID-G4").region(region).produced(LocalDate.of(2025, 1, 1)).neverInstalled().build();
            assertThat(RULES.decide(PolicyQuery.fresh(d, TODAY)).standard().covers()).as(region).isEqualTo(WITH_TRANSPORT);
        }
        for (String region : List.of("AU", "ZA", "TR")) {
            Device d = device().model("X1-HYBRID-G4").region(region).produced(LocalDate.of(2025, 1, 1)).neverInstalled().build();
            assertThat(RULES.decide(PolicyQuery.fresh(d, TODAY)).standard().covers()).as(region).isEqualTo(PARTS_AND_LABOUR);
        }
    }

    @Test
    void theOnlineUpgradeYearsCoverPartsOnlyAndABoughtExtensionWhatTheStandardTermCovers() {
        Device g4 = device().model("X3-HYBRID-G4").region("DE").produced(LocalDate.of(2025, 1, 1)).neverInstalled().build();
        PolicyDecision fresh = RULES.decide(PolicyQuery.fresh(g4, TODAY));
        assertThat(fresh.upgrade().years()).isEqualTo(5);
        assertThat(fresh.upgrade().covers()).containsExactly(Covered.PARTS);
        Device mega = device().model("X3-MEGA-G2").region("GB").produced(LocalDate.of(2025, 1, 1)).neverInstalled().build();
        assertThat(RULES.decide(PolicyQuery.fresh(mega, TODAY)).upgrade().covers()).containsExactly(Covered.PARTS);

        PolicyDecision upgraded = RULES.decide(new PolicyQuery(g4, TODAY, true, Optional.of(LocalDate.of(2035, 2, 28))));
        assertThat(upgraded.offers()).isNotEmpty().allSatisfy(o -> assertThat(o.covers()).isEqualTo(WITH_TRANSPORT));
        Device au = device().model("X3-HYBRID-G4").region("AU").produced(LocalDate.of(2025, 1, 1)).neverInstalled().build();
        assertThat(RULES.decide(new PolicyQuery(au, TODAY, true, Optional.of(LocalDate.of(2035, 2, 28)))).offers())
                .isNotEmpty().allSatisfy(o -> assertThat(o.covers()).isEqualTo(PARTS_AND_LABOUR));
    }

    @Test
    void aRefusedUpgradeCoversNothing() {
        Device battery = device().model("T-BAT-H5.8").category(org.warrantykit.Category.BATTERY)
                .produced(LocalDate.of(2025, 1, 1)).neverInstalled().build();
        PolicyDecision d = RULES.decide(PolicyQuery.fresh(battery, TODAY));
        assertThat(d.upgrade().eligible()).isFalse();
        assertThat(d.upgrade().covers()).isEmpty();
    }

    @Test
    void aFolderWithoutScopeRulesIsRefusedNamingWhatNoRuleDecided(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
            throws java.io.IOException {
        java.nio.file.Path folder = DefaultRuleFolder.copyTo(dir.resolve("rules"));
        java.nio.file.Files.delete(folder.resolve("scope.drl"));
        org.warrantykit.RuleSetException e = org.assertj.core.api.Assertions.catchThrowableOfType(
                org.warrantykit.RuleSetException.class, () -> DroolsWarrantyRules.fromDirectory(folder));
        assertThat(e.getMessage()).contains("no rule decided what the standard warranty covers");
    }
}
