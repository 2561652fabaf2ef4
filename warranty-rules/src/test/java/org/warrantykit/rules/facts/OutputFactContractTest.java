package org.warrantykit.rules.facts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.math.BigDecimal;
import java.time.LocalDate;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;

/** Output facts refuse values the collector could not turn into a decision, naming fact, field and value. */
class OutputFactContractTest {
    private static final LocalDate DAY = LocalDate.of(2026, 6, 1);

    @Test
    void pricesAreNeverNegativeAndCarryAnIsoCurrency() {
        assertRefused(() -> new OfferPrice("SN1", 60, new BigDecimal("-0.01"), "EUR"),
                "OfferPrice.amount must be zero or positive (was -0.01)");
        assertRefused(() -> new OfferPrice("SN1", 60, null, "EUR"), "OfferPrice.amount is required (was null)");
        assertRefused(() -> new OfferPrice("SN1", 60, BigDecimal.TEN, "eur"),
                "OfferPrice.currency must be an ISO 4217 code of three capital letters (was \"eur\")");
        assertRefused(() -> new OfferPrice("SN1", 0, BigDecimal.TEN, "EUR"), "OfferPrice.months must be positive (was 0)");
        assertRefused(() -> new BasePrice("SN1", 60, new BigDecimal("-270")), "BasePrice.eur must be zero or positive (was -270)");
        assertThat(new OfferPrice("SN1", 60, BigDecimal.ZERO, "GBP").amount()).isZero();
    }

    @Test
    void yearsStayInTheirRange() {
        assertRefused(() -> new StandardYears("SN1", 0), "StandardYears.years must be between 1 and 50 (was 0)");
        assertRefused(() -> new UpgradeGrant("SN1", 51, "why"), "UpgradeGrant.years must be between 1 and 50 (was 51)");
        assertRefused(() -> new ProductLine("SN1", -1, true), "ProductLine.powerKw must be zero or positive (was -1)");
    }

    @Test
    void reasonsAndSerialsAreNeverBlank() {
        assertRefused(() -> new NoOffer("SN1", " "), "NoOffer.reason must not be blank (was \" \")");
        assertRefused(() -> new UpgradeRefusal("SN1", null), "UpgradeRefusal.reason must not be blank (was null)");
        assertRefused(() -> new CodeRefusal("", "why"), "CodeRefusal.serial must not be blank (was \"\")");
        assertRefused(() -> new CodeAcceptance("SN1", ""), "CodeAcceptance.reason must not be blank (was \"\")");
        assertRefused(() -> new OfferWindow(null), "OfferWindow.serial must not be blank (was null)");
        assertRefused(() -> new CoverageStatus(" ", true), "CoverageStatus.serial must not be blank (was \" \")");
        assertRefused(() -> new ReplacementPermit("SN1", "\t"), "ReplacementPermit.reason must not be blank (was \"\t\")");
        assertRefused(() -> new ReplacementRefusal(null, "why"), "ReplacementRefusal.serial must not be blank (was null)");
        assertRefused(() -> new ReplacementRefusal("SN1", ""), "ReplacementRefusal.reason must not be blank (was \"\")");
        assertRefused(() -> new ModelLine("SN1", " "), "ModelLine.line must not be blank (was \" \")");
    }

    @Test
    void aStandardTermEndsTheDayBeforeItsAnniversary() {
        assertThat(StandardTermFact.of("SN1", DAY, 5).end()).isEqualTo(LocalDate.of(2031, 5, 31));
        InvalidFactException e = assertRefused(() -> new StandardTermFact("SN1", DAY, 5, DAY),
                "StandardTermFact.end must be the day before the 5-year anniversary of 2026-06-01, 2031-05-31 (was 2026-06-01)");
        assertThat(e.fact()).isEqualTo("StandardTermFact");
        assertThat(e.field()).isEqualTo("end");
        assertThat(e.value()).isEqualTo(DAY);
        assertRefused(() -> new StandardStart("SN1", null), "StandardStart.start is required (was null)");
    }

    private static InvalidFactException assertRefused(ThrowingCallable creation, String message) {
        InvalidFactException e = catchThrowableOfType(InvalidFactException.class, creation);
        assertThat(e).as("expected InvalidFactException: " + message).isNotNull();
        assertThat(e).hasMessage(message);
        return e;
    }
}
