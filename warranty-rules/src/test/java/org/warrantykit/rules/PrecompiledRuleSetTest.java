package org.warrantykit.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.warrantykit.RuleSetException;
import org.warrantykit.spi.OfferTerm;
import org.warrantykit.spi.PolicyDecision;
import org.warrantykit.spi.PolicyQuery;

/**
 * The default policy ships precompiled; a precompiled file is only used for exactly the sources it
 * was written for, and anything else about it makes the rule set compile its DRL instead.
 */
class PrecompiledRuleSetTest {
    private static final String FOLDER = "com/acme/rules";

    @TempDir
    Path classpath;
    Path folder;

    @BeforeEach
    void copyDefaultsWithTheirCompiledFile() throws IOException {
        folder = DefaultRuleFolder.copyTo(classpath.resolve(FOLDER));
        DefaultRuleFolder.copyFile(PrecompiledRuleSet.FILE, folder);
    }

    @Test
    void theShippedDefaultPolicyIsLoadedFromItsPrecompiledFile() {
        DroolsWarrantyRules defaults = DroolsWarrantyRules.defaults();
        assertThat(defaults.precompiled()).as("the build writes a ruleset.compiled for the shipped DRL").isTrue();
        assertThat(defaults.version()).isEqualTo(DroolsWarrantyRules.fromDirectory(folder).version());
    }

    @Test
    void aClasspathFolderWithItsCompiledFileLoadsItAndDecidesLikeTheCompiledDrl() throws IOException {
        DroolsWarrantyRules loaded = fromTestClasspath();
        DroolsWarrantyRules compiled = DroolsWarrantyRules.fromDirectory(folder);
        assertThat(loaded.precompiled()).isTrue();
        assertThat(compiled.precompiled()).as("operator folders are always compiled").isFalse();
        assertThat(List.of(loaded, compiled, DroolsWarrantyRules.defaults()))
                .as("built either way, a rule set's KieBase is immutable (the faster working memory)")
                .noneMatch(DroolsWarrantyRules::kieBaseMutable);
        List<PolicyQuery> sample = SampleCheck.sample();
        assertThat(comparable(loaded.decideAll(sample))).isEqualTo(comparable(compiled.decideAll(sample)));
    }

    @Test
    void anEditedDrlMakesTheStaleCompiledFileBeIgnored() throws IOException {
        replaceIn("pricing.drl", "new BigDecimal( \"270\" )", "new BigDecimal( \"280\" )");
        DroolsWarrantyRules loaded = fromTestClasspath();
        assertThat(loaded.precompiled()).isFalse();
        PolicyQuery tenKwInGermany = SampleCheck.sample().stream()
                .filter(q -> q.device().model().equals("X3-HYBRID-G4") && q.device().region().equals("DE") && q.upgraded())
                .findFirst().orElseThrow();
        assertThat(loaded.decide(tenKwInGermany).offers()).extracting(OfferTerm::months, t -> t.price().amount().intValue())
                .contains(org.assertj.core.groups.Tuple.tuple(60, 280));
    }

    @Test
    void aCorruptCompiledFileIsIgnoredAndTheDrlCompiled() throws IOException {
        Path file = folder.resolve(PrecompiledRuleSet.FILE);
        byte[] bytes = Files.readAllBytes(file);
        Files.write(file, java.util.Arrays.copyOf(bytes, bytes.length / 2));
        DroolsWarrantyRules loaded = fromTestClasspath();
        assertThat(loaded.precompiled()).isFalse();
        assertThat(loaded.version()).isEqualTo(DroolsWarrantyRules.defaults().version());
        assertThat(comparable(loaded.decideAll(SampleCheck.sample())))
                .isEqualTo(comparable(DroolsWarrantyRules.defaults().decideAll(SampleCheck.sample())));
    }

    @Test
    void thePrecompilerWritesAFileThatLoadsAndRefusesABrokenFolderWithoutWritingOne() throws IOException {
        Files.delete(folder.resolve(PrecompiledRuleSet.FILE));
        replaceIn("pricing.drl", "new BigDecimal( \"270\" )", "new BigDecimal( \"290\" )");
        Path written = RuleSetPrecompiler.precompile(folder);
        assertThat(written).isEqualTo(folder.resolve(PrecompiledRuleSet.FILE));
        assertThat(fromTestClasspath().precompiled()).isTrue();

        byte[] before = Files.readAllBytes(written);
        replaceIn("pricing.drl", "new BigDecimal( \"290\" )", "new BigDecimal( \"-290\" )");
        RuleSetException e = catchThrowableOfType(RuleSetException.class, () -> RuleSetPrecompiler.precompile(folder));
        assertThat(e.getMessage()).startsWith("Rule output failed validation");
        assertThat(e.problems().get(0).file()).isEqualTo("pricing.drl");
        assertThat(Files.readAllBytes(written)).as("the previous file is left as it was").isEqualTo(before);
    }

    @Test
    void theToolPrintsEachProblemAndExitsOneOnARefusedFolderAndTwoOnAUsageError() throws IOException {
        Files.delete(folder.resolve(PrecompiledRuleSet.FILE));
        replaceIn("standard-terms.drl", "insert( new StandardYears( $device.serial(), 2 ) );", "insert( new StandardYears( $device.serial(), 0 ) );");
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        java.io.ByteArrayOutputStream err = new java.io.ByteArrayOutputStream();
        int status = RuleSetPrecompiler.run(new String[] {folder.toString()}, new java.io.PrintStream(out, true),
                new java.io.PrintStream(err, true));
        assertThat(status).isEqualTo(1);
        int ruleLine = Files.readAllLines(folder.resolve("standard-terms.drl")).indexOf(
                "rule \"Standard term: accessories 2 years\"") + 1;
        assertThat(ruleLine).isPositive();
        assertThat(err.toString()).startsWith("standard-terms.drl:" + ruleLine
                        + ": StandardYears.years must be between 1 and 50 (was 0) for device SAMPLE")
                .contains("REFUSED " + folder + ": Rule output failed validation");
        assertThat(out.toString()).isEmpty();
        assertThat(folder.resolve(PrecompiledRuleSet.FILE)).doesNotExist();

        java.io.ByteArrayOutputStream usage = new java.io.ByteArrayOutputStream();
        assertThat(RuleSetPrecompiler.run(new String[0], new java.io.PrintStream(out, true), new java.io.PrintStream(usage, true)))
                .isEqualTo(2);
        assertThat(usage.toString()).startsWith("usage: RuleSetPrecompiler <rule-folder>");
    }

    /** Decisions with their fired rules sorted: the engine does not promise a firing order. */
    private static List<String> comparable(List<PolicyDecision> decisions) {
        return decisions.stream().map(d -> d.standard() + " " + d.upgrade() + " " + d.offers() + " " + d.noOfferReason()
                + " " + d.trace().ruleSetVersion() + " " + d.trace().firedRules().stream().sorted().toList()).toList();
    }

    private DroolsWarrantyRules fromTestClasspath() throws IOException {
        try (URLClassLoader loader = new URLClassLoader(new URL[] {classpath.toUri().toURL()}, getClass().getClassLoader())) {
            return withContextLoader(loader, () -> DroolsWarrantyRules.fromClasspath(FOLDER));
        }
    }

    private static <T> T withContextLoader(ClassLoader loader, Supplier<T> action) {
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        thread.setContextClassLoader(loader);
        try {
            return action.get();
        } finally {
            thread.setContextClassLoader(previous);
        }
    }

    private void replaceIn(String file, String from, String to) throws IOException {
        DefaultRuleFolder.replaceIn(folder.resolve(file), from, to);
    }
}
