package org.warrantykit.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;
import org.quicktheories.generators.SourceDSL;
import org.warrantykit.RuleProblem;

/**
 * Properties of the static check's reading of DRL text: blanking comments and literals never moves
 * a line (so every problem's line is right), and a forbidden call on a line of code is found
 * whatever comments and strings come before it.
 */
class ForbiddenCodeProperties {
    /** Text made of the characters the lexer cares about, in any order, balanced or not. */
    private static Gen<String> anyText() {
        return SourceDSL.lists().of(Generate.pick(List.of("/", "*", "\"", "'", "\\", "\n", "a", " ", "//", "/*", "*/")))
                .ofSizeBetween(0, 80).map(parts -> String.join("", parts));
    }

    /** A line a rule may hold before the call: a comment or a string that mentions forbidden names, or code. */
    private static Gen<String> harmlessLine() {
        Gen<String> words = Generate.pick(List.of("System", "exit", "Thread", "java.io.File", "Class", "x", "it's", "*/x"));
        return Generate.pick(List.of(0, 1, 2, 3)).zip(words, (kind, word) -> switch (kind) {
            case 0 -> "    // a comment about " + word;
            case 1 -> "    String s = \"" + word.replace("\"", "") + "\";";
            case 2 -> "    /* " + word.replace("*/", "") + " */ int n = 1;";
            default -> "    insert( new NoOffer( $device.serial(), 'no " + word.replace("'", "") + "' ) );";
        });
    }

    private static Gen<String> forbiddenCall() {
        return Generate.pick(List.of("System.exit( 1 );", "Runtime.getRuntime();", "Thread.sleep( 1 );",
                "java.nio.file.Files.delete( null );", "Class.forName( \"x\" );", "$device.getClass();",
                "new ProcessBuilder( \"sh\" );"));
    }

    @Test
    void blankingKeepsTheLengthAndEveryLineBreak() {
        qt().withExamples(500).forAll(anyText()).checkAssert(text -> {
            String blanked = ForbiddenCode.blanked(text);
            assertThat(blanked).hasSameSizeAs(text);
            for (int i = 0; i < text.length(); i++) {
                assertThat(blanked.charAt(i) == '\n').as("line break at %d of %s", i, text).isEqualTo(text.charAt(i) == '\n');
            }
        });
    }

    @Test
    void aForbiddenCallIsFoundAtItsLineWhateverComesBefore() {
        qt().withExamples(300).forAll(SourceDSL.lists().of(harmlessLine()).ofSizeBetween(0, 6), forbiddenCall())
                .checkAssert((before, call) -> {
                    StringBuilder text = new StringBuilder("rule \"r\"\nwhen\n    $device : DeviceFact()\nthen\n");
                    before.forEach(line -> text.append(line).append('\n'));
                    text.append("    ").append(call).append("\nend\n");
                    int line = 5 + before.size();

                    List<RuleProblem> problems = ForbiddenCode.problems(List.of(new RuleSource("x.drl", text.toString())));

                    assertThat(problems).as(text.toString()).extracting(RuleProblem::line).containsExactly(line);
                    assertThat(problems.get(0).message()).startsWith("rule \"r\" uses ");
                });
    }
}
