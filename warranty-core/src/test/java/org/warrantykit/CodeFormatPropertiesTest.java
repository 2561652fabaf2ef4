package org.warrantykit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.booleans;
import static org.quicktheories.generators.SourceDSL.characters;
import static org.quicktheories.generators.SourceDSL.integers;

import java.security.SecureRandom;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.warrantykit.CodeRejectedException.Reason;

/** The check character catches every single-character typo and every swap before any look-up. */
class CodeFormatPropertiesTest {

    static Reason reasonOf(String typed) {
        CodeRejectedException e = catchThrowableOfType(CodeRejectedException.class, () -> CodeFormat.parse(typed));
        return e == null ? null : e.reason();
    }

    @Test
    void validCodesParseInAnyCaseWithOrWithoutSeparators() {
        qt().forAll(Gens.validCodes()).checkAssert(this::validCodesParseInAnyCaseWithOrWithoutSeparators);
    }

    void validCodesParseInAnyCaseWithOrWithoutSeparators(String code) {
        String compact = code.replace("-", "");
        for (String typed : new String[] {code, compact, code.toLowerCase(Locale.ROOT), " " + code.replace('-', ' ') + " "}) {
            assertThat(CodeFormat.parse(typed)).isEqualTo(new CodeFormat.ExtensionText(compact));
        }
    }

    @Test
    void anySingleCharacterTypoIsMalformed() {
        qt().withExamples(2000).forAll(Gens.validCodes(), booleans().all(), integers().between(0, 18),
                org.quicktheories.generators.Generate.oneOf(characters().ascii(), characters().basicMultilingualPlane()))
                .checkAssert(this::anySingleCharacterTypoIsMalformed);
    }

    @Test
    void anySingleCharacterTypoIsMalformedOnEdgeCases() {
        String code = CodeFormat.group("222222222222222" + CodeFormat.checkCharacter("222222222222222"));
        for (boolean grouped : new boolean[] {true, false}) {
            for (int position : new int[] {0, 4, 5, 15, 18}) { // first, before and on a dash, last
                for (char typo : new char[] {'-', ' ', '0', 'O', '\u0000', '\uffff', 'Z'}) {
                    anySingleCharacterTypoIsMalformed(code, grouped, position, typo);
                }
            }
        }
    }

    void anySingleCharacterTypoIsMalformed(String code, boolean grouped, int position, char typo) {
        String shown = grouped ? code : code.replace("-", "");
        int at = position % shown.length();
        String original = String.valueOf(shown.charAt(at));
        // a case change or a character that upper-cases to the same letter is not a typo
        if (String.valueOf(typo).toUpperCase(Locale.ROOT).equals(original)) {
            return;
        }
        String typed = shown.substring(0, at) + typo + shown.substring(at + 1);
        assertThat(reasonOf(typed)).as("typed %s for %s", typed, shown).isEqualTo(Reason.MALFORMED);
    }

    @Test
    void anyAdjacentSwapIsMalformed() {
        qt().withExamples(2000).forAll(Gens.validCodes(), booleans().all(), integers().between(0, 17))
                .checkAssert(this::anyAdjacentSwapIsMalformed);
    }

    @Test
    void anyAdjacentSwapIsMalformedOnEdgeCases() {
        String code = CodeFormat.group("23456789ABCDEFG" + CodeFormat.checkCharacter("23456789ABCDEFG"));
        for (boolean grouped : new boolean[] {true, false}) {
            for (int position = 0; position <= 17; position++) { // every pair, dashes included
                anyAdjacentSwapIsMalformed(code, grouped, position);
            }
        }
    }

    void anyAdjacentSwapIsMalformed(String code, boolean grouped, int position) {
        String shown = grouped ? code : code.replace("-", "");
        int at = position % (shown.length() - 1);
        if (shown.charAt(at) == shown.charAt(at + 1)) {
            return; // swapping equal characters types the same code
        }
        String typed = shown.substring(0, at) + shown.charAt(at + 1) + shown.charAt(at) + shown.substring(at + 2);
        assertThat(reasonOf(typed)).as("typed %s for %s", typed, shown).isEqualTo(Reason.MALFORMED);
    }

    @Test
    void anyTextIsAValidCodeACampaignCodeOrMalformed() {
        qt().forAll(org.quicktheories.generators.Generate.oneOf(Gens.anyText(40),
                        Gens.strings(CodeFormat.ALPHABET + "abc019OIL- ", 0, 24)))
                .checkAssert(this::anyTextIsAValidCodeACampaignCodeOrMalformed);
    }

    @Test
    void anyTextIsAValidCodeACampaignCodeOrMalformedOnEdgeCases() {
        for (String text : new String[] {"", " ", "-", "----", "\t\n", "\u0000", "\uD83D", "\uD83D\uDE00", "AB", "ABC",
                "ABCDEFGHIJKL", "ABCDEFGHIJKLM", "abc", "\u00c5\u00c4\u00d6", "2".repeat(16), "2".repeat(200)}) {
            anyTextIsAValidCodeACampaignCodeOrMalformed(text);
        }
    }

    void anyTextIsAValidCodeACampaignCodeOrMalformed(String text) {
        try {
            CodeFormat.Parsed parsed = CodeFormat.parse(text);
            if (parsed instanceof CodeFormat.ExtensionText extension) {
                assertThat(CodeFormat.checks(extension.compact())).isTrue();
            } else {
                assertThat(((CodeFormat.CampaignText) parsed).code()).matches("[A-Z0-9]{3,12}");
            }
        } catch (CodeRejectedException e) {
            assertThat(e.reason()).isEqualTo(Reason.MALFORMED);
            assertThat(e.getMessage()).isNotBlank();
        }
    }

    @Test
    void everySubstitutionAndEverySwapOfAnyTwoPositionsIsCaughtExhaustively() {
        SecureRandom random = new SecureRandom();
        for (int n = 0; n < 50; n++) {
            String compact = CodeFormat.generate(random).replace("-", "");
            assertThat(CodeFormat.checks(compact)).isTrue();
            for (int i = 0; i < compact.length(); i++) {
                for (char c : CodeFormat.ALPHABET.toCharArray()) {
                    if (c != compact.charAt(i)) {
                        assertThat(CodeFormat.checks(compact.substring(0, i) + c + compact.substring(i + 1))).isFalse();
                    }
                }
                for (int j = i + 1; j < compact.length(); j++) {
                    if (compact.charAt(i) != compact.charAt(j)) {
                        char[] swapped = compact.toCharArray();
                        swapped[i] = compact.charAt(j);
                        swapped[j] = compact.charAt(i);
                        assertThat(CodeFormat.checks(new String(swapped))).isFalse();
                    }
                }
            }
        }
    }

    @Test
    void theAlphabetHasNoLookAlikesAndAPrimeSize() {
        assertThat(CodeFormat.ALPHABET).hasSize(31).doesNotContain("0", "O", "1", "I", "L");
        assertThat(CodeFormat.ALPHABET.chars().distinct().count()).isEqualTo(31);
    }
}
