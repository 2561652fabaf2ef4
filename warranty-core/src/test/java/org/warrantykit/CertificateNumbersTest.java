package org.warrantykit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

import java.time.LocalDate;
import java.util.Random;
import org.junit.jupiter.api.Test;

class CertificateNumbersTest {

    @Test
    void everyNumberIsWellFormed() {
        qt().forAll(longs().all(), integers().between(0, 30_000)).checkAssert(this::everyNumberIsWellFormed);
    }

    @Test
    void everyNumberIsWellFormedOnEdgeCases() {
        for (long seed : new long[] {0, 1, -1, Long.MIN_VALUE, Long.MAX_VALUE}) {
            for (int day : new int[] {0, 1, 29_999, 30_000}) {
                everyNumberIsWellFormed(seed, day);
            }
        }
    }

    void everyNumberIsWellFormed(long seed, int day) {
        String number = CertificateNumbers.next(LocalDate.of(2000, 1, 1).plusDays(day), new Random(seed));
        assertThat(number).matches("WK-\\d{8}-[0-9A-HJKMNP-TV-Z]{5}-[0-9A-HJKMNP-TV-Z]{5}");
        assertThat(Certificate.isWellFormedNumber(number)).isTrue();
    }

    @Test
    void theCheckSymbolCatchesEverySingleSymbolTypo() {
        qt().forAll(longs().all(), integers().between(3, 22), integers().between(1, 31))
                .assuming((seed, position, shift) -> position != 11 && position != 17) // the dashes
                .checkAssert(this::theCheckSymbolCatchesEverySingleSymbolTypo);
    }

    @Test
    void theCheckSymbolCatchesEverySingleSymbolTypoOnEdgeCases() {
        for (long seed : new long[] {0, Long.MIN_VALUE, Long.MAX_VALUE}) {
            for (int position : new int[] {3, 10, 12, 16, 18, 22}) { // first and last of each group
                for (int shift : new int[] {1, 9, 31}) {
                    theCheckSymbolCatchesEverySingleSymbolTypo(seed, position, shift);
                }
            }
        }
    }

    void theCheckSymbolCatchesEverySingleSymbolTypo(long seed, int position, int shift) {
        String number = CertificateNumbers.next(LocalDate.of(2026, 11, 27), new Random(seed));
        assertThat(number.charAt(position)).isNotEqualTo('-');
        char original = number.charAt(position);
        char typo = Character.isDigit(original) && position < 11
                ? (char) ('0' + (original - '0' + shift) % 10)
                : CertificateNumbers.ALPHABET.charAt((CertificateNumbers.ALPHABET.indexOf(original) + shift) % 32);
        if (typo == original) {
            return; // a digit shifted by 10 is itself: no typo to catch
        }
        String mistyped = number.substring(0, position) + typo + number.substring(position + 1);
        assertThat(Certificate.isWellFormedNumber(mistyped)).as(number + " -> " + mistyped).isFalse();
    }

    @Test
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
