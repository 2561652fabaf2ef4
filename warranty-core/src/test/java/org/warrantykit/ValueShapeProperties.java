package org.warrantykit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;

import java.util.Locale;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;

/**
 * Serial numbers and account ids are checked by hand-written loops (they are on every inquiry's
 * path); these properties hold the loops to the documented patterns on near-miss strings.
 */
class ValueShapeProperties {
    private static final Pattern SERIAL = Pattern.compile("[A-Z0-9]{10,20}");
    private static final Pattern ACCOUNT = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._@+-]{0,127}");

    @Test
    void serialNumbersAreAcceptedExactlyWhenTheyMatchThePattern() {
        qt().withExamples(3000).forAll(serialLike()).checkAssert(this::serialNumbersAreAcceptedExactlyWhenTheyMatchThePattern);
    }

    @Test
    void serialNumbersAreAcceptedExactlyWhenTheyMatchThePatternOnEdgeCases() {
        for (String input : new String[] {"", " ", "A".repeat(9), "A".repeat(10), "A".repeat(20), "A".repeat(21),
                " " + "A".repeat(10), "a".repeat(10), "\u00df".repeat(10), "\t" + "9".repeat(20) + "\t", "AAAAA-AAAAA"}) {
            serialNumbersAreAcceptedExactlyWhenTheyMatchThePattern(input);
        }
    }

    void serialNumbersAreAcceptedExactlyWhenTheyMatchThePattern(String input) {
        boolean expected = SERIAL.matcher(input.strip().toUpperCase(Locale.ROOT)).matches();
        assertThat(accepts(() -> SerialNumber.parse(input))).as("parse(\"%s\")", input).isEqualTo(expected);
        assertThat(accepts(() -> new SerialNumber(input))).as("new SerialNumber(\"%s\")", input)
                .isEqualTo(SERIAL.matcher(input).matches());
    }

    @Test
    void accountIdsAreAcceptedExactlyWhenTheyMatchThePattern() {
        qt().withExamples(3000).forAll(accountLike()).checkAssert(this::accountIdsAreAcceptedExactlyWhenTheyMatchThePattern);
    }

    @Test
    void accountIdsAreAcceptedExactlyWhenTheyMatchThePatternOnEdgeCases() {
        for (String input : new String[] {"", " ", "a", ".", "-a", "a.", "a".repeat(128), "a".repeat(129), "a b", "a/b",
                "\u00e9", "a@b+c-d_e.f"}) {
            accountIdsAreAcceptedExactlyWhenTheyMatchThePattern(input);
        }
    }

    void accountIdsAreAcceptedExactlyWhenTheyMatchThePattern(String input) {
        assertThat(accepts(() -> new AccountId(input))).as("new AccountId(\"%s\")", input)
                .isEqualTo(ACCOUNT.matcher(input).matches());
    }

    private static final String UPPER_AND_DIGITS = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";

    static Gen<String> serialLike() {
        return Generate.oneOf(Gens.strings(UPPER_AND_DIGITS, 8, 22),
                Gens.strings("az -_\u00e9\u00df\t" + UPPER_AND_DIGITS, 0, 23));
    }

    static Gen<String> accountLike() {
        return Generate.oneOf(Gens.strings("Z09._@+- /#\u00e9abcdefghijklmnopqrstuvwxyz", 0, 8),
                Gens.strings("abc.", 126, 130));
    }

    private static boolean accepts(Runnable construction) {
        try {
            construction.run();
            return true;
        } catch (WarrantyException e) {
            return false;
        }
    }
}
