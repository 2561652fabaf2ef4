package org.warrantykit.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.warrantykit.RuleProblem;
import org.warrantykit.RuleSetException;

/**
 * The static check refuses, before anything is compiled or run, the calls no bound inside the JVM
 * can stop, also when spelled in the ways Java allows; it refuses none of the shipped rule folders,
 * nor a mention of those names in a comment or a string.
 */
class ForbiddenCodeTest {
    private static final String RULE = """
            rule "Careless: %s"
            when
                $device : DeviceFact()
            then
                %s
            end
            """;

    @TempDir
    Path dir;

    @ParameterizedTest
    @ValueSource(strings = {
            "System.exit( 3 );",
            "java.lang.System.exit( 3 );",
            "java . lang . System . exit( 3 );",
            "Runtime.getRuntime().halt( 3 );",
            "new Thread( () -> {} ).start();",
            "java.util.concurrent.TimeUnit.SECONDS.sleep( 10 );",
            "Object lock = new Object(); synchronized ( lock ) { lock.wait(); }",
            "Class.forName( \"java.lang.Sys\" + \"tem\" );",
            "$device.getClass().getMethods();",
            "Object o = String.class;",
            "java.lang.reflect.Method m = null;",
            "new java.io.File( \"/etc/passwd\" ).delete();",
            "java.nio.file.Files.delete( null );",
            "new ProcessBuilder( \"sh\" ).start();",
            "ProcessHandle.current().destroy();",
            "new java.net.Socket( \"example.org\", 80 );",
            "drools.getKieRuntime().dispose();"})
    void aForbiddenCallIsRefusedAtItsRuleAndLine(String consequence) throws IOException {
        String rules = String.format(RULE, consequence.replace("\"", "'"), consequence);
        Path folder = HostileFolders.folder(dir, rules);

        RuleSetException e = catchThrowableOfType(RuleSetException.class, () -> DroolsWarrantyRules.fromDirectory(folder));

        assertThat(e).as("refused: %s", consequence).isNotNull();
        assertThat(e.getMessage()).startsWith("The rule set uses what rules may not");
        RuleProblem problem = e.problems().get(0);
        assertThat(problem.file()).isEqualTo(HostileFolders.FILE);
        assertThat(problem.line()).isEqualTo(HostileFolders.lineOf(rules, "Careless: " + consequence.replace("\"", "'")) + 4);
        assertThat(problem.message()).startsWith("rule \"Careless: ").contains(" uses ", "which rules may not");
    }

    @Test
    void aCallSplitByACommentIsStillSeenWhereJavaWouldCompileIt() {
        // Java reads "System/**/.exit" as System.exit; the comment is blanked, the name stays
        assertThat(ForbiddenCode.problems(List.of(new RuleSource("x.drl", "rule \"r\" when then System/**/.exit(0); end"))))
                .singleElement().satisfies(p -> assertThat(p.message()).startsWith("rule \"r\" uses System, exit, which rules may not"));
    }

    @Test
    void unicodeEscapesAreRefusedEvenInCommentsAndStrings() {
        List<RuleProblem> problems = ForbiddenCode.problems(List.of(new RuleSource("x.drl", """
                rule "escaped"
                when
                then
                    // \\u000a System.exit( 3 ); hidden in a comment to a reader, code to Java
                    String s = "\\u0053";
                end
                """)));

        assertThat(problems).extracting(RuleProblem::line).contains(4, 5);
        assertThat(problems).filteredOn(p -> p.line() == 5).singleElement().satisfies(p -> assertThat(p.message())
                .startsWith("rule \"escaped\" uses the unicode escape \\u0053").contains("write the character itself"));
    }

    @Test
    void namesInCommentsStringsAndOtherIdentifiersAreNotRefused() {
        String text = """
                // This rule must never call System.exit or start a Thread.
                /* Runtime, reflection: java.io.File */
                rule "Exit region: no Thread, no System, no exit"
                when
                    $device : DeviceFact( model != "java.io.System" )
                then
                    String exitCode = "System.exit(0)";
                    int systemLoad = 0; String threadName = 'x';
                    insert( new NoOffer( $device.serial(), "Class 'A' devices exit the programme." ) );
                end
                """;
        assertThat(ForbiddenCode.problems(List.of(new RuleSource("x.drl", text)))).isEmpty();
    }

    @Test
    void theShippedRuleFoldersPass() throws IOException {
        List<RuleSource> sources = new ArrayList<>();
        for (String file : DefaultRuleFolder.FILES) {
            if (file.endsWith(".drl")) {
                sources.add(new RuleSource(file, new String(DefaultRuleFolder.open(file).readAllBytes(), StandardCharsets.UTF_8)));
            }
        }
        Path examples = Path.of("../warranty-examples/src/main/resources/org/warrantykit/examples/custom-rules");
        assertThat(examples).as("the custom-rules example next to this module").isDirectory();
        try (Stream<Path> files = Files.list(examples)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".drl")).toList()) {
                sources.add(new RuleSource("custom-rules/" + file.getFileName(), Files.readString(file)));
            }
        }
        assertThat(sources).hasSize(16);

        assertThat(ForbiddenCode.problems(sources)).isEmpty();
    }

    @Test
    void aStringThatRunsToTheEndOfItsLineHidesNothingOnTheNext() {
        // an unclosed literal ends at the line break, as in Java, so the next line is still read as code
        assertThat(ForbiddenCode.problems(List.of(new RuleSource("x.drl", "rule \"r\" when then String s = \"open\n System.exit(0); end"))))
                .extracting(RuleProblem::line).containsExactly(2);
    }
}
