package org.warrantykit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import java.util.regex.Pattern;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Serial numbers and account ids are checked by hand-written loops (they are on every inquiry's
 * path); these properties hold the loops to the documented patterns on near-miss strings.
 */
class ValueShapeProperties {
    private static final Pattern SERIAL = Pattern.compile("[A-Z0-9]{10,20}");
    private static final Pattern ACCOUNT = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._@+-]{0,127}");

    @Property(tries = 3000)
    void serialNumbersAreAcceptedExactlyWhenTheyMatchThePattern(@ForAll("serialLike") String input) {
        boolean expected = SERIAL.matcher(input.strip().toUpperCase(Locale.ROOT)).matches();
        assertThat(accepts(() -> SerialNumber.parse(input))).as("parse(\"%s\")", input).isEqualTo(expected);
        assertThat(accepts(() -> new SerialNumber(input))).as("new SerialNumber(\"%s\")", input)
                .isEqualTo(SERIAL.matcher(input).matches());
    }

    @Property(tries = 3000)
    void accountIdsAreAcceptedExactlyWhenTheyMatchThePattern(@ForAll("accountLike") String input) {
        assertThat(accepts(() -> new AccountId(input))).as("new AccountId(\"%s\")", input)
                .isEqualTo(ACCOUNT.matcher(input).matches());
    }

    @Provide
    Arbitrary<String> serialLike() {
        return Arbitraries.oneOf(
                Arbitraries.strings().withCharRange('A', 'Z').withCharRange('0', '9').ofMinLength(8).ofMaxLength(22),
                Arbitraries.strings().withChars("AZaz09 -_é\u00df\t").withCharRange('A', 'Z').withCharRange('0', '9')
                        .ofMinLength(0).ofMaxLength(23));
    }

    @Provide
    Arbitrary<String> accountLike() {
        return Arbitraries.oneOf(
                Arbitraries.strings().withChars("aZ09._@+- /#é").withCharRange('a', 'z').ofMinLength(0).ofMaxLength(8),
                Arbitraries.strings().withCharRange('a', 'c').withChars(".").ofMinLength(126).ofMaxLength(130));
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
