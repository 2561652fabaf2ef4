package org.warrantykit.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.warrantykit.RuleProblem;
import org.warrantykit.RuleSetException;

/** A rule folder that is broken in any way is refused with file:line problems a rule author can act on. */
class RuleSetLoadingTest {
    @TempDir
    Path dir;

    @BeforeEach
    void copyDefaults() throws IOException {
        DefaultRuleFolder.copyTo(dir);
    }

    private void replaceIn(String file, String from, String to) throws IOException {
        DefaultRuleFolder.replaceIn(dir.resolve(file), from, to);
    }

    @Test
    void aCopyOfTheDefaultsLoadsWithTheSameVersion() {
        assertThat(DroolsWarrantyRules.fromDirectory(dir).version()).isEqualTo(DroolsWarrantyRules.defaults().version());
    }

    @Test
    void editingAFileChangesTheVersion() throws IOException {
        replaceIn("pricing.drl", "\"200\"", "\"210\"");
        assertThat(DroolsWarrantyRules.fromDirectory(dir).version())
                .startsWith("default-2026.11@").isNotEqualTo(DroolsWarrantyRules.defaults().version());
    }

    @Test
    void aSyntaxErrorNamesTheFileAndLine() throws IOException {
        replaceIn("upgrade.drl", "    StandardTermFact( serial == $sn, end >= $on )\nthen\n    insert( new UpgradeGrant( $device.serial(), 1,",
                "    StandardTermFact( serial == $sn, end >= $on \nthen\n    insert( new UpgradeGrant( $device.serial(), 1,");
        RuleSetException e = catchThrowableOfType(RuleSetException.class, () -> DroolsWarrantyRules.fromDirectory(dir));
        assertThat(e.getMessage()).startsWith("The rule set does not compile");
        // the parser notices the unclosed pattern at the following "then"
        int thenLine = lineOf("upgrade.drl", "rule \"Upgrade: X3-MEGA-G2") + 4;
        assertThat(e.problems()).singleElement().satisfies(p -> {
            assertThat(p.file()).isEqualTo("upgrade.drl");
            assertThat(p.line()).isEqualTo(thenLine);
            assertThat(p.message()).contains("mismatched input 'then'", "X3-MEGA-G2");
        });
    }

    @Test
    void anUnknownFieldNamesTheFileLineAndField() throws IOException {
        replaceIn("standard-terms.drl", "category == \"BATTERY\"", "categry == \"BATTERY\"");
        RuleSetException e = catchThrowableOfType(RuleSetException.class, () -> DroolsWarrantyRules.fromDirectory(dir));
        assertThat(e.problems()).anySatisfy(p -> {
            assertThat(p.file()).isEqualTo("standard-terms.drl");
            assertThat(p.line()).isGreaterThan(0);
            assertThat(p.message()).contains("categry");
        });
        assertThat(e.getMessage()).contains("standard-terms.drl:");
    }

    @Test
    void aBadJavaExpressionInAConsequenceNamesTheRule() throws IOException {
        replaceIn("pricing.drl", "new OfferWindow( $device.serial() )", "new OfferWindow( $device.serial(), 1 )");
        RuleSetException e = catchThrowableOfType(RuleSetException.class, () -> DroolsWarrantyRules.fromDirectory(dir));
        assertThat(e.problems()).anySatisfy(p -> {
            assertThat(p.file()).isEqualTo("pricing.drl");
            assertThat(p.line()).isGreaterThan(0);
        });
    }

    @Test
    void aNegativePriceIsRefusedAtLoadNamingTheRuleThatProducedIt() throws IOException {
        replaceIn("pricing.drl", "new BigDecimal( \"270\" )", "new BigDecimal( \"-270\" )");
        RuleSetException e = catchThrowableOfType(RuleSetException.class, () -> DroolsWarrantyRules.fromDirectory(dir));
        assertThat(e.getMessage()).startsWith("Rule output failed validation");
        RuleProblem problem = e.problems().get(0);
        assertThat(problem.file()).isEqualTo("pricing.drl");
        assertThat(problem.line()).isEqualTo(lineOf("pricing.drl", "rule \"Price up to 10 kW"));
        assertThat(problem.message()).contains("BasePrice.eur", "-270");
    }

    @Test
    void aMissingStandardTermForACategoryIsRefusedAtLoad() throws IOException {
        replaceIn("standard-terms.drl", "category == \"ACCESSORY\"", "category == \"ACCESSORIES\"");
        RuleSetException e = catchThrowableOfType(RuleSetException.class, () -> DroolsWarrantyRules.fromDirectory(dir));
        assertThat(e.getMessage()).startsWith("The rule set is incomplete");
        assertThat(e.problems().get(0).message()).contains("no rule decided the standard term in years", "ACCESSORY");
    }

    @Test
    void twoRulesDecidingDifferentTermsAreReportedAsAContradiction() throws IOException {
        replaceIn("standard-terms.drl", "category == \"BATTERY\"", "category != \"ACCESSORY\"");
        RuleSetException e = catchThrowableOfType(RuleSetException.class, () -> DroolsWarrantyRules.fromDirectory(dir));
        assertThat(e.getMessage()).startsWith("The rule set contradicts itself");
        assertThat(e.problems()).extracting(RuleProblem::file).containsOnly("standard-terms.drl");
        assertThat(e.problems()).extracting(RuleProblem::line).contains(
                lineOf("standard-terms.drl", "rule \"Standard term: inverters"),
                lineOf("standard-terms.drl", "rule \"Standard term: batteries"));
    }

    @Test
    void aFailingConsequenceIsReportedWithItsRule() throws IOException {
        replaceIn("standard-terms.drl", "StandardTermFact.of( $start.serial(), $start.start(), $length.years() )",
                "StandardTermFact.of( $start.serial(), $start.start(), $length.years() / ( $length.years() - $length.years() ) )");
        RuleSetException e = catchThrowableOfType(RuleSetException.class, () -> DroolsWarrantyRules.fromDirectory(dir));
        assertThat(e.getMessage()).startsWith("A rule failed while deciding");
        assertThat(e.problems().get(0).toString()).startsWith("standard-terms.drl:"
                + lineOf("standard-terms.drl", "rule \"Standard term: start and length") + ": rule \"Standard term: start and length make the term\" failed")
                .contains("/ by zero");
    }

    @Test
    void anInconsistentOutputIsRefusedWhenTheRuleCreatesIt() throws IOException {
        replaceIn("standard-terms.drl", "StandardTermFact.of( $start.serial(), $start.start(), $length.years() )",
                "new StandardTermFact( $start.serial(), $start.start(), $length.years(), $start.start() )");
        RuleSetException e = catchThrowableOfType(RuleSetException.class, () -> DroolsWarrantyRules.fromDirectory(dir));
        assertThat(e.getMessage()).startsWith("Rule output failed validation");
        RuleProblem problem = e.problems().get(0);
        assertThat(problem.file()).isEqualTo("standard-terms.drl");
        assertThat(problem.line()).isEqualTo(lineOf("standard-terms.drl", "rule \"Standard term: start and length"));
        assertThat(problem.message()).startsWith("StandardTermFact.end must be the day before the")
                .contains("for device SAMPLE");
    }

    @Test
    void missingOrEmptyFoldersAreRefused() throws IOException {
        RuleSetException missing = catchThrowableOfType(RuleSetException.class,
                () -> DroolsWarrantyRules.fromDirectory(dir.resolve("nope")));
        assertThat(missing.problems()).singleElement().satisfies(p -> assertThat(p.message()).isEqualTo("not a directory"));
        Path empty = Files.createDirectory(dir.resolve("empty"));
        RuleSetException none = catchThrowableOfType(RuleSetException.class, () -> DroolsWarrantyRules.fromDirectory(empty));
        assertThat(none.problems()).singleElement()
                .satisfies(p -> assertThat(p.message()).isEqualTo("the folder holds no .drl file"));
        RuleSetException classpath = catchThrowableOfType(RuleSetException.class,
                () -> DroolsWarrantyRules.fromClasspath("no/such/folder"));
        assertThat(classpath.getMessage()).contains("classpath:no/such/folder", "no such folder on the classpath");
    }

    private int lineOf(String file, String prefix) throws IOException {
        List<String> lines = Files.readAllLines(dir.resolve(file));
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).startsWith(prefix)) {
                return i + 1;
            }
        }
        throw new AssertionError(prefix + " not in " + file);
    }
}
