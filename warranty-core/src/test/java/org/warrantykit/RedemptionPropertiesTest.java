package org.warrantykit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;
import static org.warrantykit.CodeFixture.TODAY;
import static org.warrantykit.fixtures.Fixtures.ALICE;
import static org.warrantykit.fixtures.Fixtures.device;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;
import org.warrantykit.spi.LedgerEntry;

/** Whatever is typed, and in whatever order codes are redeemed, the outcome is typed and the coverage contiguous. */
class RedemptionPropertiesTest {
    static final Device DE = device("ALICEDE0001").build();

    static Gen<String> typed() {
        Gen<String> anything = Gens.anyText(40);
        Gen<String> codeLike = Gens.strings(CodeFormat.ALPHABET + "01OIL-", 14, 20);
        Gen<String> campaignLike = Gens.strings("abcxyzABCXYZ0189", 3, 12);
        return Generate.oneOf(anything, codeLike, Gens.validCodes(), campaignLike, Generate.pick(List.of("SUMMER25", "summer25")));
    }

    @Test
    void randomInputOnlyEverGivesATypedRejectionAndChangesNothing() {
        qt().withExamples(200).forAll(lists().of(typed()).ofSizeBetween(0, 8))
                .checkAssert(this::randomInputOnlyEverGivesATypedRejectionAndChangesNothing);
    }

    @Test
    void randomInputOnlyEverGivesATypedRejectionAndChangesNothingOnEdgeCases() {
        randomInputOnlyEverGivesATypedRejectionAndChangesNothing(List.of());
        randomInputOnlyEverGivesATypedRejectionAndChangesNothing(List.of("", " ", "-", "\u0000", "\uD83D", "SUMMER25",
                "summer25", " SUMMER25 ", "2".repeat(16), "ABC", "ABCDEFGHIJKLM"));
    }

    void randomInputOnlyEverGivesATypedRejectionAndChangesNothing(List<String> inputs) {
        CodeFixture fx = new CodeFixture(List.of(DE));
        fx.upgrade(DE);
        // an issued batch and a campaign exist; random input cannot guess the codes, and SUMMER25 ended yesterday
        String batch = fx.stored(fx.service.codeIssuer().issueExtensionCodes("X1-HYBRID-G4", 5, 20, TODAY).get(0))
                .orElseThrow().batchId();
        fx.service.codeIssuer().createCampaign(Campaign.of("SUMMER25", TODAY.minusDays(30), TODAY, 10, 6));
        fx.clock.advance(Duration.ofDays(1));
        CodeFixture.State before = fx.state(List.of(DE), List.of(batch), List.of("SUMMER25"));

        for (String input : inputs) {
            try {
                fx.service.redeem(ALICE, "ALICEDE0001", input);
                throw new AssertionError("redeemed random input " + input);
            } catch (CodeRejectedException e) {
                assertThat(e.reason()).isNotNull();
                assertThat(e.getMessage()).isNotBlank();
            }
        }
        assertThat(fx.state(List.of(DE), List.of(batch), List.of("SUMMER25"))).isEqualTo(before);
    }

    /** One step: a device (0-3) and what its owner types. */
    record Step(int device, String what) {
    }

    static Gen<List<Step>> steps() {
        Gen<String> what = Generate.pick(List.of("X1-5Y", "X1-1Y", "X3-5Y", "REUSE", "SUMMER25", "GOODWILL", "TYPO",
                "GARBAGE", "NEXT-DAY", "UPGRADE"));
        return lists().of(integers().between(0, 3).zip(what, Step::new)).ofSizeBetween(0, 25);
    }

    @Test
    void coverageStaysContiguousAfterAnySequenceOfRedemptions() {
        qt().withExamples(150).forAll(steps()).checkAssert(this::coverageStaysContiguousAfterAnySequenceOfRedemptions);
    }

    @Test
    void coverageStaysContiguousAfterAnySequenceOfRedemptionsOnEdgeCases() {
        coverageStaysContiguousAfterAnySequenceOfRedemptions(List.of());
        // every step on every device, in order, then the same code again on every device
        List<Step> all = new ArrayList<>();
        for (String what : List.of("UPGRADE", "X1-5Y", "X1-1Y", "X3-5Y", "REUSE", "SUMMER25", "GOODWILL", "TYPO", "GARBAGE",
                "NEXT-DAY", "REUSE", "SUMMER25", "GOODWILL")) {
            for (int device = 0; device < 4; device++) {
                all.add(new Step(device, what));
            }
        }
        coverageStaysContiguousAfterAnySequenceOfRedemptions(all);
    }

    void coverageStaysContiguousAfterAnySequenceOfRedemptions(List<Step> steps) {
        List<Device> devices = List.of(
                device("PROPDE00001").owner(AccountId.of("p1")).build(),
                device("PROPNL00001").region("NL").owner(AccountId.of("p2")).build(),
                device("PROPX300001").model("X3-HYBRID-G4").owner(AccountId.of("p3")).build(),
                device("PROPOLD0001").model("X1-BOOST").installed(LocalDate.of(2020, 6, 1)).owner(AccountId.of("p4")).build());
        CodeFixture fx = new CodeFixture(devices);
        CodeIssuer issuer = fx.service.codeIssuer();
        List<String> x1Five = new ArrayList<>(issuer.issueExtensionCodes("X1-HYBRID-G4", 5, 30, TODAY.plusYears(1)));
        List<String> x1One = new ArrayList<>(issuer.issueExtensionCodes("X1-HYBRID-G4", 1, 30, TODAY.plusYears(1)));
        List<String> x3Five = new ArrayList<>(issuer.issueExtensionCodes("X3-HYBRID-G4", 5, 30, TODAY.plusYears(1)));
        issuer.createCampaign(Campaign.of("SUMMER25", TODAY, TODAY.plusYears(1), 3, 6));
        issuer.createCampaign(Campaign.of("GOODWILL", TODAY, TODAY.plusYears(1), 10, 2).withUpgrade(5));
        List<String> used = new ArrayList<>(); // extension codes redeemed
        Map<String, Integer> granted = new HashMap<>();

        for (Step step : steps) {
            Device device = devices.get(step.device());
            AccountId owner = device.owner().orElseThrow();
            String code = switch (step.what()) {
                case "X1-5Y" -> x1Five.remove(0);
                case "X1-1Y" -> x1One.remove(0);
                case "X3-5Y" -> x3Five.remove(0);
                case "REUSE" -> used.isEmpty() ? "SUMMER25" : used.get(used.size() - 1);
                case "TYPO" -> x1Five.get(0).substring(0, 17) + x1Five.get(0).charAt(18) + x1Five.get(0).charAt(17);
                case "GARBAGE" -> "???";
                default -> step.what();
            };
            fx.clock.advance(Duration.ofMinutes(4)); // keeps most accounts under the lockout, not all
            if (step.what().equals("NEXT-DAY")) {
                fx.clock.advance(Duration.ofDays(1));
                continue;
            }
            if (step.what().equals("UPGRADE")) {
                fx.service.requestUpgrade(owner, device.serial().value());
                continue;
            }
            try {
                WarrantyView view = fx.service.redeem(owner, device.serial().value(), code);
                if (code.contains("-")) {
                    used.add(code);
                }
                granted.merge(device.serial().value(), 1, Integer::sum);
                assertThat(view.trace().firedRules()).isNotEmpty();
            } catch (CodeRejectedException e) {
                assertThat(e.getMessage()).isNotBlank();
            }
        }

        for (Device device : devices) {
            WarrantyView view = fx.service.inquire(device.serial().value());
            List<Coverage> coverages = view.coverages();
            assertThat(coverages.get(0).kind()).isEqualTo(CoverageKind.STANDARD);
            for (int i = 1; i < coverages.size(); i++) {
                assertThat(coverages.get(i).start()).isEqualTo(coverages.get(i - 1).end().plusDays(1));
            }
            List<LedgerEntry> entries = fx.entries(device);
            long codeGrants = entries.stream().map(LedgerEntry::coverage)
                    .filter(c -> c.kind() == CoverageKind.EXTENSION || c.kind() == CoverageKind.PROMOTION
                            || c.source().kind() == CoverageSource.Kind.PROMOTION_UPGRADE).count();
            long goodwillBoth = entries.stream().map(LedgerEntry::coverage)
                    .filter(c -> c.source().equals(CoverageSource.upgradeVia("GOODWILL"))).count();
            assertThat(codeGrants - goodwillBoth).as("grants of %s", device.serial())
                    .isEqualTo((long) granted.getOrDefault(device.serial().value(), 0));
            assertThat(entries.stream().filter(e -> e.coverage().kind() == CoverageKind.UPGRADE).count()).isLessThanOrEqualTo(1);
            assertThat(entries.stream().filter(e -> e.coverage().source().equals(CoverageSource.promotion("SUMMER25"))).count())
                    .isLessThanOrEqualTo(1);
        }
        assertThat(used).doesNotHaveDuplicates();
        assertThat(fx.vault.redemptions("SUMMER25")).isLessThanOrEqualTo(3);
    }
}
