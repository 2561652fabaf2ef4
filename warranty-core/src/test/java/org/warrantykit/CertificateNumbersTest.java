package org.warrantykit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.Random;
import net.jqwik.api.Assume;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

class CertificateNumbersTest {

    @Property
    void everyNumberIsWellFormed(@ForAll long seed, @ForAll @IntRange(max = 30_000) int day) {
        String number = CertificateNumbers.next(LocalDate.of(2000, 1, 1).plusDays(day), new Random(seed));
        assertThat(number).matches("WK-\\d{8}-[0-9A-HJKMNP-TV-Z]{5}-[0-9A-HJKMNP-TV-Z]{5}");
        assertThat(Certificate.isWellFormedNumber(number)).isTrue();
    }

    @Property
    void theCheckSymbolCatchesEverySingleSymbolTypo(@ForAll long seed, @ForAll @IntRange(min = 3, max = 22) int position,
                                                     @ForAll @IntRange(min = 1, max = 31) int shift) {
        String number = CertificateNumbers.next(LocalDate.of(2026, 11, 27), new Random(seed));
        Assume.that(number.charAt(position) != '-');
        char original = number.charAt(position);
        char typo = Character.isDigit(original) && position < 11
                ? (char) ('0' + (original - '0' + shift) % 10)
                : CertificateNumbers.ALPHABET.charAt((CertificateNumbers.ALPHABET.indexOf(original) + shift) % 32);
        Assume.that(typo != original);
        String mistyped = number.substring(0, position) + typo + number.substring(position + 1);
        assertThat(Certificate.isWellFormedNumber(mistyped)).as(number + " -> " + mistyped).isFalse();
    }

    @Example
    void malformedNumbersAreRejectedWithTheExpectedShape() {
        assertThat(Certificate.isWellFormedNumber(null)).isFalse();
        assertThat(Certificate.isWellFormedNumber("WK-20261127-7K3QD-M2X9")).isFalse();
        assertThat(Certificate.isWellFormedNumber("WK-20261327-7K3QD-M2X9" + CertificateNumbers.checkSymbol("202613277K3QDM2X9")))
                .as("month 13").isFalse();
        assertThat(Certificate.isWellFormedNumber("WK-20261127-7K3QD-M2X9" + CertificateNumbers.checkSymbol("202611277K3QDM2X9")))
                .isTrue();
        assertThatThrownBy(() -> new Certificate("WK-1", SerialNumber.parse("H1B50A1234567"), "M", AccountId.of("a"),
                java.util.List.of(), java.time.Instant.EPOCH, "v", "k", "s"))
                .isInstanceOf(InvalidValueException.class)
                .hasMessage("number: \"WK-1\" is not a certificate number: a certificate number looks like "
                        + "WK-20260101-7K3QD-M2X9H (WK-, issue date, two groups of five)");
    }
}
