package org.warrantykit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.QuickTheory.qt;

import org.junit.jupiter.api.Test;

/** Inputs quoted in messages are cut and escaped (issue 16, finding 7): no flooding, no spoofing. */
class QuotedTest {

    @Test
    void shortPlainInputsAreQuotedAsTheyAre() {
        assertThat(Quoted.of("ten")).isEqualTo("\"ten\"");
        assertThat(Quoted.of("Příliš žluťoučký kůň")).isEqualTo("\"Příliš žluťoučký kůň\"");
        assertThat(Quoted.of(null)).isEqualTo("\"\"");
    }

    @Test
    void longInputsAreCutAndHiddenCharactersEscaped() {
        assertThat(Quoted.of("x".repeat(10_000))).isEqualTo("\"" + "x".repeat(60) + "\"…");
        assertThat(Quoted.of("a\nb\r\tc\"d\\e")).isEqualTo("\"a\\nb\\r\\tc\\\"d\\\\e\"");
        assertThat(Quoted.of("abc\u202Efed")).isEqualTo("\"abc\\u202Efed\"");
        assertThat(Quoted.of("a\u200Bb\uFEFFc\u2066d")).isEqualTo("\"a\\u200Bb\\uFEFFc\\u2066d\"");
        assertThat(Quoted.of("\uD800x")).isEqualTo("\"\\uD800x\"");
    }

    @Test
    void noQuotedInputCarriesALineBreakABidiControlOrMoreThanSixtyCharacters() {
        qt().forAll(Gens.anyText(500)).checkAssert(text -> {
            String quoted = Quoted.of(text);
            assertThat(quoted).doesNotContain("\n", "\r", "\u202E", "\u2066", "\u200B");
            assertThat(quoted.codePointCount(0, quoted.length())).isLessThanOrEqualTo(2 + 60 * 6 + 1);
            assertThat(quoted.chars().filter(Character::isISOControl)).isEmpty();
        });
    }

    @Test
    void aHostileSerialNumberComesBackCutAndEscaped() {
        String hostile = "H1B50\u202E" + "A".repeat(5_000) + "\nINFO forged log line";
        assertThatThrownBy(() -> SerialNumber.parse(hostile)).isInstanceOfSatisfying(InvalidSerialNumberException.class,
                e -> {
                    assertThat(e.getMessage()).startsWith("Invalid serial number \"H1B50\\u202EAAAA")
                            .doesNotContain("\u202E", "\n", "forged").hasSizeLessThan(300);
                    assertThat(e.input()).as("the input itself stays available to the caller").isEqualTo(hostile);
                });
    }
}
