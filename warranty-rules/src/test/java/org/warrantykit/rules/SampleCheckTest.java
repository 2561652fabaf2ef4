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
    void theRegionsModelsAndCategoriesTheRulesNameAreFound() {
        SampleCheck.Named named = SampleCheck.namedIn(List.of(new RuleSource("a.drl",
                "DeviceFact( region == \"AU\", model in ( \"X1-EVC\", \"hp-9\" ) ) DeviceFact( region!=\"NZ\" )\n"
                        + "DeviceFact( category != \"EV_CHARGER\", region not in (\"CH\", \"Europe\"), category == \"bad-one\" )")));

        assertThat(named.regions()).as("two-letter codes only").containsExactly("AU", "CH", "NZ");
        assertThat(named.models()).containsExactly("HP-9", "X1-EVC");
        assertThat(named.categories()).as("names a device can have only").containsExactly("EV_CHARGER");
    }

    @Test
    void theSampleHasEveryNamedModelInEveryCategoryInEveryNamedRegion() {
        List<org.warrantykit.spi.PolicyQuery> sample = SampleCheck.sample(new SampleCheck.Named(Set.of("AU"),
                Set.of("X1-EVC"), Set.of("EV_CHARGER")));

        assertThat(sample).extracting(q -> q.device().model() + "/" + q.device().category() + "/" + q.device().region())
                .contains("X1-EVC/EV_CHARGER/AU", "X1-EVC/INVERTER/DE", "X1-EVC/BATTERY/GB",
                        "UNLISTED-MODEL/EV_CHARGER/AU", "X1-BOOST/INVERTER/AU")
                .as("a built-in model is crossed with other categories only when the rules name it")
                .doesNotContain("X1-BOOST/EV_CHARGER/DE");
        assertThat(SampleCheck.sample()).extracting(q -> q.device().region()).containsOnly("DE", "GB");
    }

    /** Issue 18: a rule for AU that contradicts another passed the check (no AU device in it) and failed at explain. */
    @Test
    void aRuleForARegionTheSampleLackedIsJudgedOnThatRegion(@TempDir Path dir) throws IOException {
        Path folder = DefaultRuleFolder.copyTo(dir.resolve("au"));
        Files.writeString(folder.resolve("standard-terms.drl"), Files.readString(folder.resolve("standard-terms.drl"))
                + "\nrule \"Standard term: in AU 7 years\"\nwhen\n    $device : DeviceFact( region == \"AU\" )\nthen\n"
                + "    insert( new StandardYears( $device.serial(), 7 ) );\nend\n");

        RuleSetException e = catchThrowableOfType(RuleSetException.class, () -> DroolsWarrantyRules.fromDirectory(folder));

        assertThat(e).as("refused at load").isNotNull();
        assertThat(e.problems()).anySatisfy(p -> assertThat(p.file()).isEqualTo("standard-terms.drl"));
    }

    /** A new product category named by a rule but given no standard term is refused at load, not at the first such device. */
    @Test
    void aCategoryTheRulesNameWithoutAStandardTermIsRefusedAtLoad(@TempDir Path dir) throws IOException {
        Path folder = DefaultRuleFolder.copyTo(dir.resolve("heatpump"));
        Files.writeString(folder.resolve("pricing.drl"), Files.readString(folder.resolve("pricing.drl"))
                + "\nrule \"No offer: heat pumps are not sold online\"\nwhen\n"
                + "    $device : DeviceFact( category == \"HEAT_PUMP\" )\nthen\n"
                + "    insert( new NoOffer( $device.serial(), \"Heat pumps cannot be extended online.\" ) );\nend\n");

        RuleSetException e = catchThrowableOfType(RuleSetException.class, () -> DroolsWarrantyRules.fromDirectory(folder));

        assertThat(e).as("refused at load").isNotNull();
        assertThat(e.getMessage() + e.problems()).contains("SAMPLE");
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
