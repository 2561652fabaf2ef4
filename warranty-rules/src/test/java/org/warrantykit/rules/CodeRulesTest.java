package org.warrantykit.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.warrantykit.fixtures.Fixtures.device;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.warrantykit.AccountId;
import org.warrantykit.Campaign;
import org.warrantykit.Category;
import org.warrantykit.CodeRejectedException;
import org.warrantykit.Coverage;
import org.warrantykit.CoverageKind;
import org.warrantykit.Device;
import org.warrantykit.RuleProblem;
import org.warrantykit.RuleSetException;
import org.warrantykit.SerialNumber;
import org.warrantykit.WarrantyService;
import org.warrantykit.WarrantyView;
import org.warrantykit.fixtures.DeviceBuilder;
import org.warrantykit.memory.InMemoryDeviceRegistry;
import org.warrantykit.memory.InMemoryStores;
import org.warrantykit.spi.CodeBatch;
import org.warrantykit.spi.CodeDecision;
import org.warrantykit.spi.CodeQuery;
import org.warrantykit.spi.PolicyQuery;

/** codes.drl of the default policy: extension codes and the sample campaigns SUMMER25 and GOODWILL. */
class CodeRulesTest {
    static final DroolsWarrantyRules RULES = DroolsWarrantyRules.defaults();
    static final LocalDate TODAY = LocalDate.of(2026, 11, 27);
    static final LocalDate RUNNING = LocalDate.of(2030, 6, 30);
    static final LocalDate ENDED = LocalDate.of(2026, 3, 31);
    static final String RUNNING_RULE = "Code classification: the warranty is running on the redemption day";
    static final String ENDED_RULE = "Code classification: the warranty ended before the redemption day";
    static final String EXTENSION_ACCEPTED = "Extension code accepted: adds the batch's years after the current end";
    static final String OTHER_MODEL = "Extension code refused: the code is for another model";
    static final String NOT_UPGRADED = "Extension code refused: the device has not had its free online upgrade";
    static final String EXTENSION_ENDED = "Extension code refused: the warranty has ended";
    static final String CAMPAIGN_ENDED = "Campaign refused: a promotion without the upgrade needs a running warranty";
    static final String SUMMER_ACCEPTED = "Campaign SUMMER25 accepted: extra months for 2025 installations in Germany";
    static final String SUMMER_DE = "Campaign SUMMER25 refused: only for devices installed in Germany (DE)";
    static final String SUMMER_2025 = "Campaign SUMMER25 refused: only for devices installed in 2025";
    static final String SUMMER_MODEL = "Campaign SUMMER25 refused: only for X1-BOOST, X1-HYBRID-G4 and X3-HYBRID-G4";
    static final String GOODWILL_ACCEPTED = "Campaign GOODWILL accepted: grants the free online upgrade a device missed";
    static final String GOODWILL_MODEL = "Campaign GOODWILL refused: only for models with an online upgrade";
    static final String GOODWILL_UPGRADED = "Campaign GOODWILL refused: the device has its upgrade already";

    /** The scope rules (scope.drl) fire in every code session: for a German device, transport too. */
    static List<String> withScopeRulesOfAGermanDevice(String... codeRules) {
        List<String> fired = new ArrayList<>(List.of(codeRules));
        fired.addAll(List.of("Scope: the standard warranty covers parts and labour",
                "Scope: the standard warranty covers transport of replacements in the EU/EEA, GB and CH",
                "Scope: the online upgrade years cover parts only",
                "Scope: extensions and promotions cover what the standard warranty covers",
                "Scope: extensions and promotions cover what the standard warranty covers",
                "Scope: extensions and promotions cover what the standard warranty covers"));
        return fired;
    }

    /** The devices of these tests, produced 2024-11-01 (the campaign rules look at installation years). */
    static final DeviceBuilder DEVICE = device().produced(LocalDate.of(2024, 11, 1));

    static final Device X1_DE_2025 = DEVICE.model("X1-HYBRID-G4").installed(LocalDate.of(2025, 4, 1)).build();

    static CodeDecision extension(Device device, boolean upgraded, LocalDate end, String batchModel) {
        CodeBatch batch = new CodeBatch("B-20261127-ABCDEF", batchModel, 5, TODAY.plusYears(1), 10, Instant.EPOCH);
        return RULES.judgeCode(CodeQuery.extension(device, TODAY, upgraded, end, batch));
    }

    static CodeDecision campaign(Device device, boolean upgraded, LocalDate end, Campaign campaign) {
        return RULES.judgeCode(CodeQuery.campaign(device, TODAY, upgraded, end, campaign));
    }

    static Campaign summer() {
        return Campaign.of("SUMMER25", TODAY, TODAY.plusMonths(1), 1000, 6);
    }

    static Campaign goodwill() {
        return Campaign.of("GOODWILL", TODAY, TODAY.plusMonths(1), 1000, 3).withUpgrade(5);
    }

    @Test
    void anExtensionCodeAppliesToAnUpgradedDeviceOfItsModelWhoseWarrantyRuns() {
        CodeDecision d = extension(X1_DE_2025, true, RUNNING, "X1-HYBRID-G4");
        assertThat(d.allowed()).isTrue();
        assertThat(d.rule()).isEqualTo(EXTENSION_ACCEPTED);
        assertThat(d.reason()).isEqualTo("Extended-warranty code of batch B-20261127-ABCDEF: 5 more years of warranty.");
        assertThat(d.trace().ruleSetVersion()).isEqualTo(RULES.version());
        assertThat(d.trace().firedRules()).containsExactlyInAnyOrderElementsOf(withScopeRulesOfAGermanDevice(RUNNING_RULE, EXTENSION_ACCEPTED));
    }

    @Test
    void anExtensionCodeIsRefusedForAnotherModelWithTheRuleNamed() {
        CodeDecision d = extension(DEVICE.model("X3-HYBRID-G4").neverInstalled().build(), true, RUNNING,
                "X1-HYBRID-G4");
        assertThat(d.allowed()).isFalse();
        assertThat(d.rule()).isEqualTo(OTHER_MODEL);
        assertThat(d.reason()).isEqualTo("The code is for model X1-HYBRID-G4, but this device is a X3-HYBRID-G4.");
    }

    @Test
    void everyRefusalThatAppliesIsGivenSortedByRule() {
        CodeDecision d = extension(X1_DE_2025, false, ENDED, "X1-HYBRID-G4");
        assertThat(d.allowed()).isFalse();
        assertThat(d.rule()).isEqualTo(NOT_UPGRADED + "; " + EXTENSION_ENDED);
        assertThat(d.reason()).contains("request the upgrade first").contains("The warranty ended on 2026-03-31");
        assertThat(d.trace().firedRules()).containsExactlyInAnyOrderElementsOf(withScopeRulesOfAGermanDevice(ENDED_RULE, EXTENSION_ACCEPTED, NOT_UPGRADED,
                EXTENSION_ENDED));
    }

    @Test
    void aWarrantyEndingOnTheRedemptionDayIsStillRunning() {
        assertThat(extension(X1_DE_2025, true, TODAY, "X1-HYBRID-G4").allowed()).isTrue();
        assertThat(extension(X1_DE_2025, true, TODAY.minusDays(1), "X1-HYBRID-G4").rule()).isEqualTo(EXTENSION_ENDED);
    }

    @Test
    void summer25IsForGerman2025InstallationsOfTheHybridInverters() {
        CodeDecision ok = campaign(DEVICE.model("X1-BOOST").installed(LocalDate.of(2025, 12, 31)).build(), true,
                RUNNING,
                summer());
        assertThat(ok.allowed()).isTrue();
        assertThat(ok.reason()).isEqualTo("Promotion SUMMER25: 6 more months of warranty.");
        assertThat(ok.trace().firedRules()).containsExactlyInAnyOrderElementsOf(withScopeRulesOfAGermanDevice(RUNNING_RULE, SUMMER_ACCEPTED));

        CodeDecision nl = campaign(DEVICE.model("X1-BOOST").region("NL").installed(LocalDate.of(2025, 6, 1)).build(),
                true, RUNNING,
                summer());
        assertThat(nl.rule()).isEqualTo(SUMMER_DE);
        assertThat(nl.reason()).isEqualTo("SUMMER25 is for devices installed in Germany (DE); this one is in NL.");

        assertThat(campaign(DEVICE.model("X1-BOOST").installed(LocalDate.of(2024, 12, 31)).build(), true, RUNNING,
                summer()).rule()).isEqualTo(SUMMER_2025);
        assertThat(campaign(DEVICE.model("X1-BOOST").neverInstalled().build(), false, RUNNING, summer()).rule())
                .isEqualTo(SUMMER_2025);
        assertThat(campaign(DEVICE.model("X3-MEGA-G2").installed(LocalDate.of(2025, 6, 1)).build(), true, RUNNING,
                summer()).rule()).isEqualTo(SUMMER_MODEL);

        CodeDecision all = campaign(DEVICE.model("METER-X").category(Category.ACCESSORY).region("GB").neverInstalled()
                .build(), false, ENDED, summer());
        assertThat(all.rule()).isEqualTo(String.join("; ", SUMMER_MODEL, SUMMER_2025, SUMMER_DE, CAMPAIGN_ENDED));
    }

    @Test
    void goodwillRestoresAMissedUpgradeEvenAfterTheWarrantyEnded() {
        CodeDecision ok = campaign(DEVICE.model("X1-BOOST").region("FR").neverInstalled().build(), false, ENDED,
                goodwill());
        assertThat(ok.allowed()).isTrue();
        assertThat(ok.reason()).isEqualTo("Promotion GOODWILL: the free online upgrade (5 years) and 3 more months of "
                + "warranty.");
        assertThat(campaign(DEVICE.model("X1-BOOST").region("FR").neverInstalled().build(), true, RUNNING,
                goodwill()).rule())
                .isEqualTo(GOODWILL_UPGRADED);
        assertThat(campaign(DEVICE.model("T-BAT-H5.8").category(Category.BATTERY).region("FR").neverInstalled()
                .build(), false, RUNNING, goodwill()).rule())
                .isEqualTo(GOODWILL_MODEL);
    }

    @Test
    void aCampaignWithoutRulesIsRefusedForEveryDevice() {
        CodeDecision d = campaign(X1_DE_2025, true, RUNNING, Campaign.of("WINTER26", TODAY, TODAY, 5, 6));
        assertThat(d.allowed()).isFalse();
        assertThat(d.rule()).isEqualTo("no rule accepts promotion WINTER26");
        assertThat(d.reason()).isEqualTo("No rule of rule set " + RULES.version() + " accepts promotion WINTER26.");
    }

    @Test
    void deviceDecisionsAndCodeDecisionsDoNotFireEachOthersRules() {
        CodeDecision code = extension(X1_DE_2025, true, RUNNING, "X1-HYBRID-G4");
        assertThat(code.trace().firedRules()).noneMatch(r -> r.startsWith("Standard") || r.startsWith("Upgrade")
                || r.startsWith("Price") || r.startsWith("Product line"));
        var decision = RULES.decide(PolicyQuery.fresh(X1_DE_2025, TODAY));
        assertThat(decision.trace().firedRules()).noneMatch(r -> r.startsWith("Code") || r.startsWith("Extension code")
                || r.startsWith("Campaign"));
    }

    @Test
    void codeRulesAreNamedForTheirDecisionAndUseNoSalienceOrGlobals() throws IOException {
        String drl = resource("codes.drl");
        Matcher names = Pattern.compile("(?m)^rule \"([^\"]+)\"").matcher(drl);
        List<String> rules = new ArrayList<>();
        while (names.find()) {
            rules.add(names.group(1));
        }
        assertThat(rules).hasSize(14).doesNotHaveDuplicates().allMatch(name -> name.matches(
                "(Code classification|Extension code (accepted|refused)|Campaign( [A-Z0-9]+)? (accepted|refused)): .+"));
        assertThat(drl).doesNotContain("salience").doesNotContain("global ");
    }

    @Test
    void aCodeRuleWithAnInvalidOutputIsRefusedAtLoadNamingFileAndLine(@TempDir Path dir) throws IOException {
        for (String file : List.of("product-lines.drl", "standard-terms.drl", "upgrade.drl", "pricing.drl", "codes.drl", "scope.drl",
                "replacement.drl")) {
            Files.writeString(dir.resolve(file), resource(file));
        }
        String codes = Files.readString(dir.resolve("codes.drl"));
        String broken = "insert( new CodeRefusal( $device.serial(), \"The warranty ended on \" + $device.currentEnd()\n"
                + "            + \"; a code extends only a running warranty.\" ) );";
        assertThat(codes).contains(broken);
        Files.writeString(dir.resolve("codes.drl"), codes.replace(broken, "insert( new CodeRefusal( $device.serial(), \" \" ) );"));

        RuleSetException e = catchThrowableOfType(RuleSetException.class, () -> DroolsWarrantyRules.fromDirectory(dir));

        assertThat(e).isNotNull();
        RuleProblem problem = e.problems().get(0);
        assertThat(problem.file()).isEqualTo("codes.drl");
        assertThat(problem.line()).isEqualTo(lineOf(codes, "rule \"" + EXTENSION_ENDED + "\""));
        assertThat(problem.message()).contains("CodeRefusal.reason");
    }

    @Test
    void aRuleSetWithoutCodesDrlRefusesEveryCode(@TempDir Path dir) throws IOException {
        for (String file : List.of("product-lines.drl", "standard-terms.drl", "upgrade.drl", "pricing.drl", "scope.drl", "replacement.drl")) {
            Files.writeString(dir.resolve(file), resource(file));
        }
        DroolsWarrantyRules noCodes = DroolsWarrantyRules.fromDirectory(dir);
        CodeBatch batch = new CodeBatch("B-1234", "X1-HYBRID-G4", 5, TODAY, 1, Instant.EPOCH);
        CodeDecision d = noCodes.judgeCode(CodeQuery.extension(X1_DE_2025, TODAY, true, RUNNING, batch));
        assertThat(d.allowed()).isFalse();
        assertThat(d.rule()).isEqualTo("no rule accepts extension codes");
    }

    @Test
    void theServiceRedeemsWithTheDefaultRulesAndTheViewNamesThem() {
        AccountId owner = AccountId.of("owner-1");
        Device installed = new Device(SerialNumber.parse("SUMMERDE0001"), "X1-HYBRID-G4", Category.INVERTER, "DE",
                LocalDate.of(2025, 1, 10), LocalDate.of(2025, 2, 1), Optional.of(LocalDate.of(2025, 5, 2)),
                Optional.of(owner), Optional.of(Instant.parse("2026-01-01T00:00:00Z")));
        WarrantyService service = InMemoryStores.configure(WarrantyService.builder()).rules(RULES)
                .devices(InMemoryDeviceRegistry.of(List.of(installed)))
                .clock(Clock.fixed(Instant.parse("2026-11-27T10:00:00Z"), ZoneOffset.UTC)).build();
        service.codeIssuer().createCampaign(summer());
        String code = service.codeIssuer().issueExtensionCodes("X1-HYBRID-G4", 5, 1, TODAY).get(0);

        CodeRejectedException early = catchThrowableOfType(CodeRejectedException.class,
                () -> service.redeem(owner, "SUMMERDE0001", code));
        assertThat(early.reason()).isEqualTo(CodeRejectedException.Reason.NOT_APPLICABLE);
        assertThat(early.getMessage()).endsWith("(rule \"" + NOT_UPGRADED + "\")");

        service.requestUpgrade(owner, "SUMMERDE0001");
        WarrantyView promoted = service.redeem(owner, "SUMMERDE0001", "Summer25");
        assertThat(promoted.trace().firedRules()).contains(SUMMER_ACCEPTED);
        WarrantyView extended = service.redeem(owner, "SUMMERDE0001", code.toLowerCase());
        assertThat(extended.trace().firedRules()).contains(EXTENSION_ACCEPTED);
        assertThat(extended.coverages()).extracting(Coverage::kind).containsExactly(CoverageKind.STANDARD,
                CoverageKind.UPGRADE, CoverageKind.PROMOTION, CoverageKind.EXTENSION);
        // standard 2025-05-02..2030-05-01, upgrade +5 y, promotion +6 months, extension +5 y
        assertThat(extended.end()).isEqualTo(LocalDate.of(2040, 11, 1));
    }

    private static String resource(String file) throws IOException {
        try (InputStream in = CodeRulesTest.class.getResourceAsStream("/" + DroolsWarrantyRules.DEFAULT_FOLDER + "/" + file)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static int lineOf(String text, String needle) {
        String[] lines = text.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            if (lines[i].contains(needle)) {
                return i + 1;
            }
        }
        return 0;
    }

    @Test
    void anAcceptedCodeCarriesTheScopeOfEveryKindOfLineItMayGrant() {
        CodeDecision extension = extension(X1_DE_2025, true, RUNNING, "X1-HYBRID-G4");
        java.util.Set<org.warrantykit.Covered> withTransport = org.warrantykit.Covered.scope(org.warrantykit.Covered.PARTS,
                org.warrantykit.Covered.LABOUR, org.warrantykit.Covered.TRANSPORT);
        assertThat(extension.scopeOf(CoverageKind.EXTENSION)).contains(withTransport);
        CodeDecision goodwill = campaign(DEVICE.model("X1-HYBRID-G4").region("AU").installed(LocalDate.of(2025, 4, 1))
                .build(), false, RUNNING, goodwill());
        assertThat(goodwill.allowed()).isTrue();
        assertThat(goodwill.scopeOf(CoverageKind.UPGRADE)).contains(org.warrantykit.Covered.scope(org.warrantykit.Covered.PARTS));
        assertThat(goodwill.scopeOf(CoverageKind.PROMOTION)).contains(org.warrantykit.Covered.scope(
                org.warrantykit.Covered.PARTS, org.warrantykit.Covered.LABOUR));
        assertThat(extension(X1_DE_2025, false, RUNNING, "X1-HYBRID-G4").covers()).as("a refusal covers nothing").isEmpty();
    }
}
