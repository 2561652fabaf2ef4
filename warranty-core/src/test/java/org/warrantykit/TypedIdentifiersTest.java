package org.warrantykit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.QuickTheory.qt;
import static org.warrantykit.PurchaseFixture.A1;
import static org.warrantykit.fixtures.Fixtures.ALICE;
import static org.warrantykit.fixtures.Fixtures.BOB;

import java.time.LocalDate;
import java.util.Currency;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;

/** Serial numbers, order ids and coverage sources as types: their text forms, refusals and service overloads. */
class TypedIdentifiersTest {
    private static final String REFERENCE_ALPHABET = "AB-09 _.:/ČŘžä";

    private static Gen<CoverageSource> sources() {
        Gen<String> reference = Gens.strings(REFERENCE_ALPHABET, 1, 30).map(String::strip).assuming(r -> !r.isEmpty());
        return Generate.pick(List.of(CoverageSource.Kind.values())).zip(reference, (kind, ref) -> switch (kind) {
            case STANDARD -> CoverageSource.standard();
            case UPGRADE -> CoverageSource.upgrade();
            case PROMOTION_UPGRADE -> CoverageSource.upgradeVia(ref);
            case BATCH -> CoverageSource.batch(ref);
            case PROMOTION -> CoverageSource.promotion(ref);
            case ORDER -> CoverageSource.order(new OrderId(ref));
            case OTHER -> CoverageSource.parse("goodwill " + ref);
        });
    }

    @Test
    void everyCoverageSourceReadsBackFromItsText() {
        qt().forAll(sources()).checkAssert(source -> {
            assertThat(CoverageSource.parse(source.toString())).isEqualTo(source);
            assertThat(source.toString()).isEqualTo(source.toString().strip()).isNotBlank();
        });
    }

    @Test
    void theTextFormsAreTheOnesLedgersAndCertificatesAlreadyHold() {
        assertThat(CoverageSource.standard()).hasToString("standard warranty");
        assertThat(CoverageSource.upgrade()).hasToString("online upgrade");
        assertThat(CoverageSource.upgradeVia("GOODWILL")).hasToString("online upgrade via promotion GOODWILL");
        assertThat(CoverageSource.batch("B-20261127-GZJPU7")).hasToString("extension batch B-20261127-GZJPU7");
        assertThat(CoverageSource.promotion("SUMMER25")).hasToString("promotion SUMMER25");
        assertThat(CoverageSource.order(new OrderId("O-1"))).hasToString("order O-1");
        assertThat(CoverageSource.parse("  order O-1 ")).isEqualTo(CoverageSource.order(new OrderId("O-1")));
        assertThat(CoverageSource.parse("online upgrade via promotion GOODWILL").reference()).contains("GOODWILL");
    }

    @Test
    void aTextOfNoKnownFormIsKeptWholeAsOther() {
        CoverageSource legacy = CoverageSource.parse("campaign SUMMER-26: goodwill");
        assertThat(legacy.kind()).isEqualTo(CoverageSource.Kind.OTHER);
        assertThat(legacy.reference()).contains("campaign SUMMER-26: goodwill");
        assertThat(CoverageSource.parse("order").kind()).as("the words alone, no reference").isEqualTo(CoverageSource.Kind.OTHER);
        assertThat(CoverageSource.parse("standard warranty 2").kind()).isEqualTo(CoverageSource.Kind.OTHER);
    }

    @Test
    void malformedSourcesAreRefusedNamingTheValue() {
        assertThatThrownBy(() -> CoverageSource.parse("  ")).isInstanceOf(InvalidValueException.class)
                .hasMessage("source: a coverage needs a source");
        assertThatThrownBy(() -> CoverageSource.parse(null)).isInstanceOf(InvalidValueException.class)
                .hasMessage("source: is required but was not given");
        assertThatThrownBy(() -> new CoverageSource(CoverageSource.Kind.OTHER, Optional.of("order O-1")))
                .isInstanceOf(InvalidValueException.class)
                .hasMessage("reference: \"order O-1\" is a ORDER source; use CoverageSource.parse");
        assertThatThrownBy(() -> new CoverageSource(CoverageSource.Kind.STANDARD, Optional.of("x")))
                .hasMessage("reference: a STANDARD source has no reference, was Optional[x]");
        assertThatThrownBy(() -> CoverageSource.batch(" B-1"))
                .hasMessage("reference: a BATCH source needs a reference without surrounding blanks, was \" B-1\"");
    }

    @Test
    void orderIdsAreStrippedOnParseAndRefusedWhenTheyCannotBeOne() {
        assertThat(OrderId.parse("  O-1 ")).isEqualTo(new OrderId("O-1")).hasToString("O-1");
        assertThatThrownBy(() -> OrderId.parse(" ")).isInstanceOf(InvalidValueException.class)
                .hasMessage("orderId: no order id given; use the orderId the purchase returned");
        assertThatThrownBy(() -> OrderId.parse("O-1\n; DROP TABLE wk_order")).isInstanceOf(InvalidValueException.class)
                .hasMessageStartingWith("orderId: \"O-1\\n; DROP TABLE wk_order\" is not an order id");
        assertThatThrownBy(() -> OrderId.parse("O".repeat(OrderId.MAX_LENGTH + 1))).isInstanceOf(InvalidValueException.class);
        assertThat(new OrderId("O-1")).isLessThan(new OrderId("O-2"));
    }

    @Test
    void theServiceTakesTypedIdentifiersAndTheTextFormsAlike() {
        PurchaseFixture f = new PurchaseFixture().upgradeAll();
        SerialNumber serial = SerialNumber.parse(A1);
        assertThat(f.service.inquire(serial)).isEqualTo(f.service.inquire(" " + A1.toLowerCase() + " "));
        assertThat(f.service.offers(ALICE, serial)).isEqualTo(f.service.offers(ALICE, A1));

        Order placed = f.service.purchase(ALICE, serial, "EXT-60M", "typed-1");
        assertThat(f.service.order(ALICE, placed.orderId())).isEqualTo(placed);
        assertThat(f.service.order(ALICE, " " + placed.orderId().value() + " ")).isEqualTo(placed);
        assertThatThrownBy(() -> f.service.order(BOB, placed.orderId())).isInstanceOf(AccessDeniedException.class);

        Order paid = f.service.confirmPayment(placed.orderId(), "psp-1");
        assertThat(paid.state()).isEqualTo(OrderState.PAID);
        assertThat(f.service.inquire(serial).coverages()).filteredOn(c -> c.source().equals(placed.coverageSource()))
                .singleElement().satisfies(c -> assertThat(c.kind()).isEqualTo(CoverageKind.EXTENSION));
        assertThatThrownBy(() -> f.service.cancel(ALICE, (OrderId) null)).isInstanceOf(InvalidValueException.class)
                .hasMessage("orderId: is required but was not given");
        assertThatThrownBy(() -> f.service.inquire((SerialNumber) null)).isInstanceOf(InvalidValueException.class)
                .hasMessage("serial: is required but was not given");
    }

    @Test
    void unknownOrdersNameTheTypedId() {
        PurchaseFixture f = new PurchaseFixture();
        assertThatThrownBy(() -> f.service.confirmPayment("O-NOPE", "psp-1")).isInstanceOfSatisfying(
                UnknownOrderException.class, e -> assertThat(e.orderId()).isEqualTo(new OrderId("O-NOPE")));
    }

    @Test
    void totalsRefuseASecondCurrencyCarryingBoth() {
        Currency eur = Currency.getInstance("EUR");
        assertThat(Money.total(eur, List.of())).isEqualTo(Money.zero(eur));
        assertThat(Money.total(eur, List.of(Money.of("1.50", "EUR"), Money.of("2", "EUR")))).isEqualTo(Money.of("3.50", "EUR"));
        assertThatThrownBy(() -> Money.total(eur, List.of(Money.of("1", "EUR"), Money.of("1", "GBP"))))
                .isInstanceOfSatisfying(CurrencyMismatchException.class, e -> {
                    assertThat(e.expected()).isEqualTo(eur);
                    assertThat(e.actual()).isEqualTo(Currency.getInstance("GBP"));
                    assertThat(e).hasMessage("currency: cannot combine EUR 1.00 with GBP 1.00");
                });
        assertThatThrownBy(() -> Money.of("1", "EUR").compareTo(Money.of("1", "CZK")))
                .isInstanceOf(CurrencyMismatchException.class);
    }

    @Test
    void coveragesAbutInEitherOrderAndFollowOnlyForwards() {
        Coverage first = new Coverage(CoverageKind.STANDARD, LocalDate.of(2020, 1, 1), LocalDate.of(2024, 12, 31),
                CoverageSource.standard(), Covered.scope(Covered.PARTS, Covered.LABOUR));
        Coverage next = first.followedBy(CoverageKind.UPGRADE, 5, CoverageSource.upgrade(), Covered.scope(Covered.PARTS, Covered.LABOUR));
        Coverage gap = new Coverage(CoverageKind.EXTENSION, next.end().plusDays(2), next.end().plusYears(1),
                CoverageSource.batch("B-1"), Covered.scope(Covered.PARTS, Covered.LABOUR));
        Coverage overlap = new Coverage(CoverageKind.EXTENSION, next.end(), next.end().plusYears(1),
                CoverageSource.batch("B-1"), Covered.scope(Covered.PARTS, Covered.LABOUR));
        assertThat(first.abuts(next)).isTrue();
        assertThat(next.abuts(first)).isTrue();
        assertThat(first.isFollowedBy(next)).isTrue();
        assertThat(next.isFollowedBy(first)).isFalse();
        assertThat(next.abuts(gap)).isFalse();
        assertThat(next.abuts(overlap)).isFalse();
        assertThat(first.abuts(first)).isFalse();
    }
}
