package org.warrantykit.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.warrantykit.RuleSetException;

/**
 * Rule files are UTF-8: a UTF-8 byte-order mark is dropped, anything else that is not UTF-8 is
 * refused naming the file, the line and what to do (not "Input length = 1" or a parser error at '').
 */
class RuleFileEncodingTest {
    @TempDir
    Path dir;

    @Test
    void aUtf8ByteOrderMarkIsDroppedAndTheFolderLoadsAsWithout() throws IOException {
        Path folder = DefaultRuleFolder.copyTo(dir);
        Path upgrade = folder.resolve("upgrade.drl");
        byte[] text = Files.readAllBytes(upgrade);
        byte[] withMark = new byte[text.length + 3];
        withMark[0] = (byte) 0xEF;
        withMark[1] = (byte) 0xBB;
        withMark[2] = (byte) 0xBF;
        System.arraycopy(text, 0, withMark, 3, text.length);
        Files.write(upgrade, withMark);

        assertThat(DroolsWarrantyRules.fromDirectory(folder).version()).isEqualTo(DroolsWarrantyRules.defaults().version());
    }

    @Test
    void aFileThatIsNotUtf8IsRefusedAtTheLineOfTheFirstBadByte() throws IOException {
        Path folder = DefaultRuleFolder.copyTo(dir);
        Path pricing = folder.resolve("pricing.drl");
        String text = Files.readString(pricing);
        int line = (int) text.substring(0, text.indexOf("Extensions can be bought")).lines().count();
        Files.write(pricing, text.replace("Extensions can be bought", "Extensions can be bought für").getBytes(StandardCharsets.ISO_8859_1));

        RuleSetException e = catchThrowableOfType(RuleSetException.class, () -> DroolsWarrantyRules.fromDirectory(folder));

        assertThat(e).isNotNull();
        assertThat(e.problems()).singleElement().satisfies(problem -> {
            assertThat(problem.file()).isEqualTo("pricing.drl");
            assertThat(problem.line()).isEqualTo(line);
            assertThat(problem.message()).startsWith("the file is not UTF-8: byte 0xFC at byte ")
                    .endsWith("save it as UTF-8");
        });
        assertThat(e.getMessage()).doesNotContain("Input length");
    }

    @Test
    void aUtf16FileIsRefusedSayingSo() throws IOException {
        Path folder = DefaultRuleFolder.copyTo(dir);
        Path upgrade = folder.resolve("upgrade.drl");
        Files.write(upgrade, Files.readString(upgrade).getBytes(StandardCharsets.UTF_16)); // Java writes the BOM FE FF

        RuleSetException e = catchThrowableOfType(RuleSetException.class, () -> DroolsWarrantyRules.fromDirectory(folder));

        assertThat(e.problems()).singleElement().hasToString(
                "upgrade.drl:1: the file is UTF-16 (it starts with a UTF-16 byte-order mark); save it as UTF-8");
    }

    @Test
    void aBadRuleSetPropertiesFileIsRefusedToo() throws IOException {
        Path folder = DefaultRuleFolder.copyTo(dir);
        Files.write(folder.resolve("ruleset.properties"), "name=caf\u00e9\n".getBytes(StandardCharsets.ISO_8859_1));

        RuleSetException e = catchThrowableOfType(RuleSetException.class, () -> DroolsWarrantyRules.fromDirectory(folder));

        assertThat(e.problems()).singleElement().satisfies(problem -> {
            assertThat(problem.file()).isEqualTo("ruleset.properties");
            assertThat(problem.line()).isEqualTo(1);
            assertThat(problem.message()).contains("not UTF-8", "byte 0xE9 at byte 9 of the line");
        });
    }
}
