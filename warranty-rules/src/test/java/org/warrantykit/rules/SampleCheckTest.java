package org.warrantykit.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.warrantykit.RuleProblem;
import org.warrantykit.RuleSetException;
import org.warrantykit.spi.CodeDecision;
import org.warrantykit.spi.CodeQuery;

/**
 * The check a folder passes before it may serve runs every code rule of the default policy, the
 * rules of each named campaign included: a code rule that builds an invalid output is refused at
 * load, at its own line, instead of failing an owner's redemption later.
 */
class SampleCheckTest {
    private static final Pattern RULE = Pattern.compile("(?m)^rule \"([^\"]+)\"");

    @Test
    void theCampaignsOfTheCheckAreThoseTheRulesNamePlusOneNoRuleNames() throws IOException {
        assertThat(SampleCheck.campaignsNamedIn(List.of(new RuleSource("codes.drl", defaultCodes()))))
                .containsExactly("GOODWILL", "SAMPLE", "SUMMER25");
        assertThat(SampleCheck.campaignsNamedIn(List.of(new RuleSource("x.drl",
                "CampaignCodeFact( code == \"WINTER\" ) CampaignCodeFact( code==\"SPRING26\", months > 0 )"))))
                .containsExactly("SAMPLE", "SPRING26", "WINTER");
    }

    @Test
    void everyCodeRuleWithAnInvalidOutputIsRefusedAtLoadAtItsLine(@TempDir Path dir) throws IOException {
        String codes = defaultCodes();
        List<String> rules = new ArrayList<>();
        Matcher rule = RULE.matcher(codes);
        while (rule.find()) {
            rules.add(rule.group(1));
        }
        assertThat(rules).hasSizeGreaterThanOrEqualTo(14);

        for (int i = 0; i < rules.size(); i++) {
            String name = rules.get(i);
            Path folder = DefaultRuleFolder.copyTo(dir.resolve("folder" + i));
            Files.writeString(folder.resolve("codes.drl"), withBlankSerialOutput(codes, name));

            RuleSetException e = catchThrowableOfType(RuleSetException.class, () -> DroolsWarrantyRules.fromDirectory(folder));

            assertThat(e).as("loading with a broken \"%s\"", name).isNotNull();
            assertThat(e.getMessage()).as(name).contains("Rule output failed validation");
            RuleProblem problem = e.problems().get(0);
            assertThat(problem.file()).as(name).isEqualTo("codes.drl");
            assertThat(problem.line()).as(name).isEqualTo(new RuleSource("codes.drl", codes).lineOfRule(name));
            assertThat(problem.message()).as(name).contains("serial");
        }
    }

    @Test
    void codesJudgedTogetherGetTheDecisionsTheyGetOneByOne() {
        DroolsWarrantyRules rules = DroolsWarrantyRules.defaults();
        List<CodeQuery> queries = SampleCheck.codeSample(SampleCheck.sample(), Set.of("SAMPLE", "SUMMER25", "GOODWILL"));

        List<CodeDecision> together = rules.judgeCodes(queries);

        assertThat(together).hasSameSizeAs(queries);
        assertThat(together).anyMatch(CodeDecision::allowed).anyMatch(d -> !d.allowed());
        for (int i = 0; i < queries.size(); i++) {
            CodeDecision alone = rules.judgeCode(queries.get(i));
            String about = queries.get(i).toString();
            assertThat(together.get(i).allowed()).as(about).isEqualTo(alone.allowed());
            assertThat(together.get(i).reason()).as(about).isEqualTo(alone.reason());
            assertThat(together.get(i).rule()).as(about).isEqualTo(alone.rule());
            assertThat(together.get(i).trace().firedRules()).as(about)
                    .containsExactlyInAnyOrderElementsOf(alone.trace().firedRules());
        }
    }

    @Test
    void codesOfOneDeviceAreNotJudgedTogether() {
        CodeQuery query = SampleCheck.codeSample(SampleCheck.sample(), Set.of("SAMPLE")).get(0);

        assertThatThrownBy(() -> DroolsWarrantyRules.defaults().judgeCodes(List.of(query, query)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("codes judged together must be for distinct devices; " + query.device().serial()
                        + " appears twice");
    }

    /** The rule's first output gets a blank serial, which no output fact accepts. */
    private static String withBlankSerialOutput(String codes, String rule) {
        int header = codes.indexOf("rule \"" + rule + "\"");
        int output = codes.indexOf("insert( new ", header);
        int firstArgument = codes.indexOf("( ", output + "insert( new ".length()) + 2;
        int comma = codes.indexOf(",", firstArgument);
        assertThat(header).isNotNegative();
        assertThat(codes.substring(firstArgument, comma)).as("first argument of the output in \"%s\"", rule)
                .endsWith(".serial()");
        return codes.substring(0, firstArgument) + "\"\"" + codes.substring(comma);
    }

    private static String defaultCodes() throws IOException {
        try (InputStream in = DefaultRuleFolder.open("codes.drl")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
