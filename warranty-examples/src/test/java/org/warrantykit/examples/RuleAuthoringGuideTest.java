package org.warrantykit.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.warrantykit.rules.DroolsWarrantyRules;

/**
 * docs/rule-authoring.md walks through an edit of the default folder as a diff and quotes the
 * versions the folders get; both must stay true when the default files change.
 */
class RuleAuthoringGuideTest {
    private static final Path GUIDE = Path.of("..", "docs", "rule-authoring.md");
    private static final Pattern QUOTED_VERSION = Pattern.compile("\\b(default-2026\\.11|acme-2027\\.01)@[0-9a-f]{12}\\b");

    @Test
    void theWorkedExampleAppliesToTheDefaultFolderAndTheQuotedVersionsAreReal(@TempDir Path dir) throws IOException {
        String guide = Files.readString(GUIDE);
        Path acme = RuleFolders.copyDefault(dir.resolve("acme"));
        List<Edit> edits = workedExampleEdits(guide);
        assertThat(edits).as("edits in the worked example's diff").hasSizeGreaterThanOrEqualTo(5);
        for (Edit edit : edits) {
            RuleFolders.replaceOnce(acme.resolve(edit.file()), edit.before(), edit.after());
        }
        Map<String, String> versions = Map.of(
                "default-2026.11", DroolsWarrantyRules.defaults().version(),
                "acme-2027.01", DroolsWarrantyRules.fromDirectory(acme).version());

        Matcher quoted = QUOTED_VERSION.matcher(guide);
        int found = 0;
        while (quoted.find()) {
            found++;
            assertThat(quoted.group()).as("version quoted in rule-authoring.md").isEqualTo(versions.get(quoted.group(1)));
        }
        assertThat(found).as("versions quoted in rule-authoring.md").isGreaterThanOrEqualTo(4);
    }

    private record Edit(String file, String before, String after) {
    }

    /** Each "-" line of the worked example's diff with the "+" line that replaces it, per file. */
    private static List<Edit> workedExampleEdits(String guide) {
        int section = guide.indexOf("## Worked example");
        int start = guide.indexOf("```diff\n", section);
        int end = guide.indexOf("```", start + 1);
        assertThat(section).as("the worked example in rule-authoring.md").isNotNegative();
        List<Edit> edits = new ArrayList<>();
        String file = null;
        List<String> removed = new ArrayList<>();
        for (String line : guide.substring(start, end).lines().skip(1).toList()) {
            if (line.startsWith("+++ ")) {
                file = Path.of(line.substring(4)).getFileName().toString();
            } else if (line.startsWith("-") && !line.startsWith("--- ")) {
                removed.add(line.substring(1));
            } else if (line.startsWith("+")) {
                assertThat(removed).as("a '-' line before '%s'", line).isNotEmpty();
                edits.add(new Edit(file, removed.remove(0), line.substring(1)));
            }
        }
        assertThat(removed).as("'-' lines without a '+' line").isEmpty();
        return edits;
    }
}
