package org.warrantykit.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.warrantykit.fixtures.Fixtures.device;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.warrantykit.Coverage;
import org.warrantykit.CoverageKind;
import org.warrantykit.CoverageSource;
import org.warrantykit.Covered;
import org.warrantykit.Device;
import org.warrantykit.InvalidValueException;
import org.warrantykit.RuleProblem;
import org.warrantykit.RuleSetException;
import org.warrantykit.WarrantyService;
import org.warrantykit.WarrantyState;
import org.warrantykit.WarrantyView;
import org.warrantykit.memory.InMemoryDeviceRegistry;
import org.warrantykit.memory.InMemoryStores;
import org.warrantykit.spi.PolicyQuery;
import org.warrantykit.spi.ReplacementQuery;
import org.warrantykit.spi.ReplacementVerdict;

/** replacement.drl: whether a replacement unit takes over a faulty unit's remaining warranty (issue 17, RMA). */
class ReplacementRulesTest {
    static final LocalDate TODAY = LocalDate.of(2026, 11, 27);
    static final String RULE = "Replacement: a unit of the same category takes over the remaining warranty";
    static final String TAKES_OVER = "The replacement unit takes over the remaining warranty of the faulty unit.";
    private static final DroolsWarrantyRules RULES = DroolsWarrantyRules.defaults();
    /** The typical fixture device (installed 2023-05-02): its standard line runs to 2028-05-01. */
    private static final Coverage STANDARD_LINE = new Coverage(CoverageKind.STANDARD, LocalDate.of(2023, 5, 2),
            LocalDate.of(2028, 5, 1), CoverageSource.standard(), Set.of(Covered.PARTS, Covered.LABOUR));

    static ReplacementQuery swap(Device faulty, Device replacement) {
        return new ReplacementQuery(faulty, replacement, TODAY, STANDARD_LINE, ZoneOffset.UTC);
    }

    @Test
    void theDefaultPolicyLetsAUnitOfTheSameCategoryTakeOverTheRemainingWarranty() {
        ReplacementVerdict verdict = RULES.judgeReplacement(swap(device("FAULTY000001").build(),
                device("SPARE0000001").model("X1-BOOST").region("GB").neverInstalled().build()));

        assertThat(verdict.allowed()).isTrue();
        assertThat(verdict.reason()).isEqualTo(TAKES_OVER);
        assertThat(verdict.trace().ruleSetVersion()).isEqualTo(RULES.version());
        assertThat(verdict.trace().firedRules()).containsExactly(RULE);
    }

    @Test
    void theShippedPrecompiledDefaultJudgesReplacementsToo() {
        assertThat(RULES.precompiled()).as("the default folder loads from its ruleset.compiled").isTrue();
        assertThat(RULES.judgeReplacement(swap(device("FAULTY000001").build(), device("SPARE0000001").build())).allowed())
                .isTrue();
    }

    @Test
    void aSwapRunsNoDecisionRuleAndADecisionNoReplacementRule() {
        Device faulty = device("FAULTY000001").build();
        assertThat(RULES.judgeReplacement(swap(faulty, device("SPARE0000001").build())).trace().firedRules())
                .allMatch(rule -> rule.startsWith("Replacement"));
        assertThat(RULES.decide(PolicyQuery.fresh(faulty, TODAY)).trace().firedRules())
                .noneMatch(rule -> rule.startsWith("Replacement"));
    }

    @Test
    void aUnitCannotBeJudgedAsItsOwnReplacement() {
        Device faulty = device("FAULTY000001").build();
        assertThatThrownBy(() -> RULES.judgeReplacement(swap(faulty, faulty)))
                .isInstanceOf(InvalidValueException.class)
                .hasMessage("replacement: device FAULTY000001 cannot replace itself");
    }

    @Test
    void theServiceSwapsWithTheDefaultRules() {
        Device faulty = device("FAULTY000001").build();
        Device spare = device("SPARE0000001").neverInstalled().build();
        WarrantyService service = InMemoryStores.configure(WarrantyService.builder()).rules(RULES)
                .devices(InMemoryDeviceRegistry.of(List.of(faulty, spare)))
                .clock(Clock.fixed(TODAY.atStartOfDay(ZoneOffset.UTC).toInstant(), ZoneOffset.UTC)).build();

        WarrantyView after = service.replaceDevice("FAULTY000001", "SPARE0000001", TODAY);

        assertThat(after.replaces()).contains("FAULTY000001");
        assertThat(service.inquire("FAULTY000001").state()).isEqualTo(WarrantyState.REPLACED);
    }

    /** Two refusals for AU units next to the default's permit. */
    private static final String REFUSALS = """
            package org.warrantykit.rules.policy;
            import org.warrantykit.rules.facts.ReplacementFact;
            import org.warrantykit.rules.facts.ReplacementRefusal;
            import org.warrantykit.rules.facts.ReplacementUnit;
            rule "Replacement refused: a unit from the AU stock"
            when
                $swap : ReplacementFact( $unit : replacementSerial )
                ReplacementUnit( serial == $unit, region == "AU" )
            then
                insert( new ReplacementRefusal( $swap.serial(), "Units of the AU stock replace only AU units." ) );
            end
            rule "Replacement refused: a battery during an extension"
            when
                $swap : ReplacementFact( $sn : serial, inForceKind == "EXTENSION" )
                ReplacementUnit( serial == $sn, role == "FAULTY", category == "BATTERY" )
            then
                insert( new ReplacementRefusal( $swap.serial(), "A battery under an extension is repaired, not swapped." ) );
            end
            """;

    @Test
    void aRefusalOutweighsThePermitAndEveryRefusalThatAppliesIsGiven(@TempDir Path dir) throws IOException {
        Path folder = DefaultRuleFolder.copyTo(dir.resolve("rules"));
        Files.writeString(folder.resolve("replacement-refusals.drl"), REFUSALS);
        DroolsWarrantyRules rules = DroolsWarrantyRules.fromDirectory(folder);
        Device battery = device("FAULTY000001").model("T-BAT-H5.8").category(org.warrantykit.Category.BATTERY).build();
        Device auBattery = device("SPARE0000001").model("T-BAT-H5.8").category(org.warrantykit.Category.BATTERY)
                .region("AU").build();
        Coverage extension = new Coverage(CoverageKind.EXTENSION, LocalDate.of(2026, 1, 1), LocalDate.of(2031, 1, 1),
                CoverageSource.batch("B-1"), Set.of(Covered.PARTS));

        ReplacementVerdict both = rules.judgeReplacement(new ReplacementQuery(battery, auBattery, TODAY, extension,
                ZoneOffset.UTC));
        assertThat(both).isEqualTo(ReplacementVerdict.refuse("A battery under an extension is repaired, not swapped. "
                + "Units of the AU stock replace only AU units.", both.trace()));
        assertThat(both.trace().firedRules()).containsExactlyInAnyOrder(RULE,
                "Replacement refused: a unit from the AU stock", "Replacement refused: a battery during an extension");

        ReplacementVerdict one = rules.judgeReplacement(swap(battery, auBattery));
        assertThat(one.allowed()).isFalse();
        assertThat(one.reason()).isEqualTo("Units of the AU stock replace only AU units.");

        Device gbBattery = device("SPARE0000003").model("T-BAT-H5.8").category(org.warrantykit.Category.BATTERY)
                .region("GB").build();
        assertThat(rules.judgeReplacement(new ReplacementQuery(battery, gbBattery, TODAY, extension, ZoneOffset.UTC))
                .reason()).isEqualTo("A battery under an extension is repaired, not swapped.");
        assertThat(rules.judgeReplacement(swap(device("FAULTY000002").build(), device("SPARE0000002").build())))
                .extracting(ReplacementVerdict::allowed, ReplacementVerdict::reason).containsExactly(true, TAKES_OVER);
    }

    @Test
    void aFolderWithoutReplacementRulesIsRefusedAtLoadNamingTheMissingDecision(@TempDir Path dir) throws IOException {
        Path folder = DefaultRuleFolder.copyTo(dir.resolve("rules"));
        Files.delete(folder.resolve("replacement.drl"));

        RuleSetException e = catchThrowableOfType(RuleSetException.class, () -> DroolsWarrantyRules.fromDirectory(folder));

        assertThat(e).isNotNull();
        assertThat(e.getMessage()).startsWith("The rule set is incomplete");
        assertThat(e.problems()).hasSize(1);
        assertThat(e.problems().get(0).message()).startsWith("no rule decided whether a replacement takes over the "
                + "warranty (a ReplacementPermit or ReplacementRefusal) for device SAMPLESWAP000000 (X1-BOOST INVERTER, "
                + "region DE) replaced by SAMPLESWAP000001 (X1-BOOST INVERTER, region DE)");
    }

    @Test
    void aReplacementOutputWithoutAReasonIsRefusedAtItsRule(@TempDir Path dir) throws IOException {
        Path folder = DefaultRuleFolder.copyTo(dir.resolve("rules"));
        DefaultRuleFolder.replaceIn(folder.resolve("replacement.drl"), "new ReplacementPermit( $swap.serial(), "
                + "\"The replacement unit takes over the remaining warranty \"\n            + \"of the faulty unit.\" )",
                "new ReplacementPermit( $swap.serial(), \" \" )");

        RuleSetException e = catchThrowableOfType(RuleSetException.class, () -> DroolsWarrantyRules.fromDirectory(folder));

        assertThat(e).isNotNull();
        assertThat(e.getMessage()).startsWith("Rule output failed validation");
        RuleProblem problem = e.problems().get(0);
        assertThat(problem.file()).isEqualTo("replacement.drl");
        assertThat(problem.line()).isEqualTo(lineOf(folder.resolve("replacement.drl"), "rule \"" + RULE + "\""));
        assertThat(problem.message()).contains("ReplacementPermit.reason must not be blank");
    }

    @Test
    void aVerdictUnderTheReplacementUnitsSerialIsRefusedAtItsRule(@TempDir Path dir) throws IOException {
        Path folder = DefaultRuleFolder.copyTo(dir.resolve("rules"));
        DefaultRuleFolder.replaceIn(folder.resolve("replacement.drl"), "new ReplacementPermit( $swap.serial(),",
                "new ReplacementPermit( $swap.replacementSerial(),");

        RuleSetException e = catchThrowableOfType(RuleSetException.class, () -> DroolsWarrantyRules.fromDirectory(folder));

        assertThat(e).isNotNull();
        assertThat(e.getMessage()).startsWith("Rule output failed validation");
        RuleProblem problem = e.problems().get(0);
        assertThat(problem.file()).isEqualTo("replacement.drl");
        assertThat(problem.line()).isEqualTo(lineOf(folder.resolve("replacement.drl"), "rule \"" + RULE + "\""));
        assertThat(problem.message()).contains("under the replacement unit's serial",
                "carries the swap's serial, the faulty unit's (ReplacementFact.serial), here SAMPLESWAP000000");
    }

    @Test
    void aReplacementRuleThatInsertsWhatItMatchesIsRefusedAtLoadWithinTheBounds(@TempDir Path dir) throws IOException {
        Path folder = DefaultRuleFolder.copyTo(dir.resolve("rules"));
        Files.writeString(folder.resolve("replacement-loop.drl"), """
                package org.warrantykit.rules.policy;
                import org.warrantykit.rules.facts.ModelLine;
                import org.warrantykit.rules.facts.ReplacementUnit;
                rule "Model line: every line again"
                when
                    $line : ModelLine()
                then
                    insert( new ModelLine( $line.serial(), $line.line() ) );
                end
                rule "Model line: the whole model"
                when
                    $unit : ReplacementUnit()
                then
                    insert( new ModelLine( $unit.serial(), $unit.model() ) );
                end
                """);

        RuleSetException e = catchThrowableOfType(RuleSetException.class,
                () -> DroolsWarrantyRules.fromDirectory(folder, RuleLimits.defaults().withFiringsPerDevice(50)));

        assertThat(e).isNotNull();
        assertThat(e.getMessage()).startsWith("A rule exceeded the rule set's bounds");
        RuleProblem problem = e.problems().get(0);
        assertThat(problem.file()).isEqualTo("replacement-loop.drl");
        assertThat(problem.message()).contains("for device SAMPLESWAP", "rule \"Model line: every line again\"");
    }

    private static int lineOf(Path file, String text) throws IOException {
        List<String> lines = Files.readAllLines(file);
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).contains(text)) {
                return i + 1;
            }
        }
        throw new AssertionError("no line with " + text + " in " + file);
    }
}
