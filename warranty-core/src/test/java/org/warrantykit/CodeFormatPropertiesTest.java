package org.warrantykit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.security.SecureRandom;
import java.util.Locale;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import org.warrantykit.CodeRejectedException.Reason;

/** The check character catches every single-character typo and every swap before any look-up. */
class CodeFormatPropertiesTest {

    @Provide
    Arbitrary<String> validCodes() {
        return Arbitraries.strings().withChars(CodeFormat.ALPHABET).ofLength(15)
                .map(body -> CodeFormat.group(body + CodeFormat.checkCharacter(body)));
    }

    static Reason reasonOf(String typed) {
        CodeRejectedException e = catchThrowableOfType(CodeRejectedException.class, () -> CodeFormat.parse(typed));
        return e == null ? null : e.reason();
    }

    @Property
    void validCodesParseInAnyCaseWithOrWithoutSeparators(@ForAll("validCodes") String code) {
        String compact = code.replace("-", "");
        for (String typed : new String[] {code, compact, code.toLowerCase(Locale.ROOT), " " + code.replace('-', ' ') + " "}) {
            assertThat(CodeFormat.parse(typed)).isEqualTo(new CodeFormat.ExtensionText(compact));
        }
    }

    @Property(tries = 2000)
    void anySingleCharacterTypoIsMalformed(@ForAll("validCodes") String code, @ForAll boolean grouped,
                                          @ForAll @IntRange(max = 18) int position, @ForAll char typo) {
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

    @Property(tries = 2000)
    void anyAdjacentSwapIsMalformed(@ForAll("validCodes") String code, @ForAll boolean grouped,
                                    @ForAll @IntRange(max = 17) int position) {
        String shown = grouped ? code : code.replace("-", "");
        int at = position % (shown.length() - 1);
        if (shown.charAt(at) == shown.charAt(at + 1)) {
            return; // swapping equal characters types the same code
        }
        String typed = shown.substring(0, at) + shown.charAt(at + 1) + shown.charAt(at) + shown.substring(at + 2);
        assertThat(reasonOf(typed)).as("typed %s for %s", typed, shown).isEqualTo(Reason.MALFORMED);
    }

    @Property
    void anyTextIsAValidCodeACampaignCodeOrMalformed(@ForAll String text) {
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

    @Example
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

    @Example
    void theAlphabetHasNoLookAlikesAndAPrimeSize() {
        assertThat(CodeFormat.ALPHABET).hasSize(31).doesNotContain("0", "O", "1", "I", "L");
        assertThat(CodeFormat.ALPHABET.chars().distinct().count()).isEqualTo(31);
    }
}
