package org.warrantykit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.localDates;

import java.math.BigDecimal;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class ValuesTest {

    @Test
    void serialIsTrimmedAndUpperCased() {
        assertThat(SerialNumber.parse("  h1b50a1234567 ").value()).isEqualTo("H1B50A1234567");
    }

    @Test
    void malformedSerialQuotesTheInputAndTheRule() {
        assertThatThrownBy(() -> SerialNumber.parse("H1B-50A"))
                .isInstanceOf(InvalidSerialNumberException.class)
                .hasMessage("Invalid serial number \"H1B-50A\": a serial number is 10 to 20 letters (A-Z) or digits, e.g. H1B50A1234567")
                .extracting(e -> ((InvalidSerialNumberException) e).input()).isEqualTo("H1B-50A");
        assertThatThrownBy(() -> SerialNumber.parse("ABCDEFGHI")).hasMessageContaining("\"ABCDEFGHI\"");
        assertThatThrownBy(() -> SerialNumber.parse("A".repeat(21))).isInstanceOf(InvalidSerialNumberException.class);
        assertThatThrownBy(() -> SerialNumber.parse(null)).hasMessageContaining("no serial number given");
    }

    private static final String LETTERS_AND_DIGITS = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";

    @Test
    void anySerialOfTenToTwentyLettersOrDigitsParsesToItsUpperCase() {
        qt().forAll(Gens.strings(LETTERS_AND_DIGITS, 10, 20))
                .checkAssert(this::anySerialOfTenToTwentyLettersOrDigitsParsesToItsUpperCase);
    }

    @Test
    void anySerialOfTenToTwentyLettersOrDigitsParsesToItsUpperCaseOnEdgeCases() {
        for (String text : new String[] {"a".repeat(10), "Z".repeat(20), "0".repeat(10), "9".repeat(20), "aZ09aZ09aZ"}) {
            anySerialOfTenToTwentyLettersOrDigitsParsesToItsUpperCase(text);
        }
    }

    void anySerialOfTenToTwentyLettersOrDigitsParsesToItsUpperCase(String text) {
        assertThat(SerialNumber.parse(" " + text + "\t").value()).isEqualTo(text.toUpperCase(java.util.Locale.ROOT));
    }

    @Test
    void stringsWithOtherCharactersAreRejectedWithTheirInput() {
        qt().forAll(org.quicktheories.generators.Generate.oneOf(Gens.anyText(20), Gens.strings(LETTERS_AND_DIGITS + " -\u00e9\t", 10, 20)))
                .assuming(text -> text.length() >= 10 && !text.strip().matches("[A-Za-z0-9]{10,20}"))
                .checkAssert(this::stringsWithOtherCharactersAreRejectedWithTheirInput);
    }

    @Test
    void stringsWithOtherCharactersAreRejectedWithTheirInputOnEdgeCases() {
        for (String text : new String[] {" ".repeat(10), "\u0000".repeat(10), "AAAAA AAAAA", "AAAAAAAAA-", "\u00c5".repeat(10),
                "\uD83D\uDE00".repeat(5), "A".repeat(9) + "\t", "A".repeat(21)}) {
            stringsWithOtherCharactersAreRejectedWithTheirInput(text);
        }
    }

    void stringsWithOtherCharactersAreRejectedWithTheirInput(String text) {
        // The message quotes the input cut and escaped (no raw tab, NUL or bidi control); input() keeps it whole.
        assertThatThrownBy(() -> SerialNumber.parse(text)).isInstanceOfSatisfying(InvalidSerialNumberException.class,
                e -> assertThat(e.input()).isEqualTo(text)).hasMessageContaining(Quoted.of(text));
    }

    @Test
    void accountIdRejectsBlankAndOddCharacters() {
        assertThat(AccountId.of(" alice ").value()).isEqualTo("alice");
        assertThatThrownBy(() -> AccountId.of(" ")).isInstanceOf(InvalidValueException.class)
                .hasMessageContaining("is not an account id");
        assertThatThrownBy(() -> AccountId.of("a b")).hasMessageContaining("\"a b\"");
    }

    @Test
    void moneyKeepsCurrencyDecimalsAndRefusesToMixCurrencies() {
        assertThat(Money.of("200", "EUR").amount()).isEqualByComparingTo("200.00");
        assertThat(Money.of("200", "EUR").toString()).isEqualTo("EUR 200.00");
        assertThat(Money.parse("GBP 170").plus(Money.of("0.5", "GBP"))).isEqualTo(Money.of("170.50", "GBP"));
        assertThatThrownBy(() -> Money.of("1.005", "EUR")).isInstanceOf(InvalidValueException.class)
                .hasMessage("amount: 1.005 has more than 2 decimals for EUR; round it first");
        assertThatThrownBy(() -> Money.of("10", "EURO")).hasMessage("currency: \"EURO\" is not an ISO 4217 currency code");
        assertThat(Money.of(new BigDecimal("459"), "GBP")).isEqualTo(Money.of("459.00", "GBP"));
        assertThatThrownBy(() -> Money.of(new BigDecimal("459"), "gbp")).isInstanceOf(InvalidValueException.class)
                .hasMessage("currency: \"gbp\" is not an ISO 4217 currency code");
        assertThatThrownBy(() -> Money.of("ten", "EUR")).hasMessage("amount: \"ten\" is not a decimal number");
        assertThatThrownBy(() -> Money.of("1", "EUR").plus(Money.of("1", "GBP")))
                .hasMessage("currency: cannot combine EUR 1.00 with GBP 1.00");
        assertThat(Money.of(new BigDecimal("-1"), java.util.Currency.getInstance("EUR")).isNegative()).isTrue();
    }

    @Test
    void coverageIsInclusiveAndFollowingCoverageIsContiguous() {
        Coverage standard = new Coverage(CoverageKind.STANDARD, LocalDate.of(2023, 5, 2), LocalDate.of(2028, 5, 1), "std", "PARTS,LABOUR");
        Coverage upgrade = standard.followedBy(CoverageKind.UPGRADE, 5, CoverageSource.parse("online upgrade"), Covered.scope(Covered.PARTS, Covered.LABOUR));
        assertThat(upgrade.start()).isEqualTo(LocalDate.of(2028, 5, 2));
        assertThat(upgrade.end()).isEqualTo(LocalDate.of(2033, 5, 1));
        assertThat(standard.covers(LocalDate.of(2028, 5, 1))).isTrue();
        assertThat(standard.covers(LocalDate.of(2028, 5, 2))).isFalse();
        assertThatThrownBy(() -> new Coverage(CoverageKind.STANDARD, LocalDate.of(2023, 5, 2), LocalDate.of(2023, 5, 1), "x", "PARTS,LABOUR"))
                .hasMessage("end: STANDARD coverage ends 2023-05-01 before it starts 2023-05-02");
    }

    @Test
    void followingCoverageNeverEndsBeforeItStartsAndTouchesThePrevious() {
        long from = LocalDate.of(2000, 1, 1).toEpochDay();
        long to = LocalDate.of(2060, 12, 31).toEpochDay();
        qt().forAll(localDates().withDaysBetween(from, to), integers().between(0, 4000), integers().between(1, 240))
                .checkAssert(this::followingCoverageNeverEndsBeforeItStartsAndTouchesThePrevious);
    }

    @Test
    void followingCoverageNeverEndsBeforeItStartsAndTouchesThePreviousOnEdgeCases() {
        for (LocalDate start : new LocalDate[] {LocalDate.of(2000, 1, 1), LocalDate.of(2024, 2, 29), LocalDate.of(2023, 1, 31),
                LocalDate.of(2060, 12, 31)}) {
            for (int length : new int[] {0, 1, 27, 28, 4000}) {
                for (int months : new int[] {1, 12, 240}) {
                    followingCoverageNeverEndsBeforeItStartsAndTouchesThePrevious(start, length, months);
                }
            }
        }
    }

    void followingCoverageNeverEndsBeforeItStartsAndTouchesThePrevious(LocalDate start, int length, int months) {
        Coverage first = new Coverage(CoverageKind.STANDARD, start, start.plusDays(length), "std", "PARTS,LABOUR");
        Coverage next = first.followedByMonths(CoverageKind.EXTENSION, months, CoverageSource.parse("x"), Covered.scope(Covered.PARTS, Covered.LABOUR));
        assertThat(next.start()).isEqualTo(first.end().plusDays(1));
        assertThat(next.end()).isAfterOrEqualTo(next.start()).isEqualTo(first.end().plusMonths(months));
    }

    @Test
    void viewRefusesGapsBetweenCoverages() {
        Coverage standard = new Coverage(CoverageKind.STANDARD, LocalDate.of(2023, 5, 2), LocalDate.of(2028, 5, 1), "std", "PARTS,LABOUR");
        Coverage gap = new Coverage(CoverageKind.UPGRADE, LocalDate.of(2028, 5, 3), LocalDate.of(2033, 5, 1), "up", "PARTS,LABOUR");
        assertThatThrownBy(() -> new WarrantyView(SerialNumber.parse("AAAAAAAAAA"), "M", WarrantyState.UPGRADED,
                java.util.List.of(standard, gap), java.util.Set.of(), new DecisionTrace("v", java.util.List.of())))
                .isInstanceOf(InvalidValueException.class).hasMessageContaining("does not start the day after");
    }
}
