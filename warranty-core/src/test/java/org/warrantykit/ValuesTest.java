package org.warrantykit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.LocalDate;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.AlphaChars;
import net.jqwik.api.constraints.NumericChars;
import net.jqwik.api.constraints.StringLength;
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

    @Property
    void anySerialOfTenToTwentyLettersOrDigitsParsesToItsUpperCase(
            @ForAll @AlphaChars @NumericChars @StringLength(min = 10, max = 20) String text) {
        assertThat(SerialNumber.parse(" " + text + "\t").value()).isEqualTo(text.toUpperCase(java.util.Locale.ROOT));
    }

    @Property
    void stringsWithOtherCharactersAreRejectedWithTheirInput(@ForAll @StringLength(min = 10, max = 20) String text) {
        net.jqwik.api.Assume.that(!text.strip().matches("[A-Za-z0-9]{10,20}"));
        assertThatThrownBy(() -> SerialNumber.parse(text)).isInstanceOf(InvalidSerialNumberException.class)
                .hasMessageContaining("\"" + text + "\"");
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
        Coverage standard = new Coverage(CoverageKind.STANDARD, LocalDate.of(2023, 5, 2), LocalDate.of(2028, 5, 1), "std");
        Coverage upgrade = standard.followedBy(CoverageKind.UPGRADE, 5, "online upgrade");
        assertThat(upgrade.start()).isEqualTo(LocalDate.of(2028, 5, 2));
        assertThat(upgrade.end()).isEqualTo(LocalDate.of(2033, 5, 1));
        assertThat(standard.covers(LocalDate.of(2028, 5, 1))).isTrue();
        assertThat(standard.covers(LocalDate.of(2028, 5, 2))).isFalse();
        assertThatThrownBy(() -> new Coverage(CoverageKind.STANDARD, LocalDate.of(2023, 5, 2), LocalDate.of(2023, 5, 1), "x"))
                .hasMessage("end: STANDARD coverage ends 2023-05-01 before it starts 2023-05-02");
    }

    @Property
    void followingCoverageNeverEndsBeforeItStartsAndTouchesThePrevious(
            @ForAll("days") LocalDate start, @ForAll @net.jqwik.api.constraints.IntRange(min = 0, max = 4000) int length,
            @ForAll @net.jqwik.api.constraints.IntRange(min = 1, max = 240) int months) {
        Coverage first = new Coverage(CoverageKind.STANDARD, start, start.plusDays(length), "std");
        Coverage next = first.followedByMonths(CoverageKind.EXTENSION, months, "x");
        assertThat(next.start()).isEqualTo(first.end().plusDays(1));
        assertThat(next.end()).isAfterOrEqualTo(next.start()).isEqualTo(first.end().plusMonths(months));
    }

    @net.jqwik.api.Provide
    net.jqwik.api.Arbitrary<LocalDate> days() {
        return net.jqwik.time.api.Dates.dates().between(LocalDate.of(2000, 1, 1), LocalDate.of(2060, 12, 31));
    }

    @Test
    void viewRefusesGapsBetweenCoverages() {
        Coverage standard = new Coverage(CoverageKind.STANDARD, LocalDate.of(2023, 5, 2), LocalDate.of(2028, 5, 1), "std");
        Coverage gap = new Coverage(CoverageKind.UPGRADE, LocalDate.of(2028, 5, 3), LocalDate.of(2033, 5, 1), "up");
        assertThatThrownBy(() -> new WarrantyView(SerialNumber.parse("AAAAAAAAAA"), "M", WarrantyState.UPGRADED,
                java.util.List.of(standard, gap), java.util.Set.of(), new DecisionTrace("v", java.util.List.of())))
                .isInstanceOf(InvalidValueException.class).hasMessageContaining("does not start the day after");
    }
}
