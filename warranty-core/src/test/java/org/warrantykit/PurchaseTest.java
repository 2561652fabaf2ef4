package org.warrantykit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.assertj.core.api.Assertions.tuple;
import static org.warrantykit.PurchaseFixture.A1;
import static org.warrantykit.PurchaseFixture.A2;
import static org.warrantykit.PurchaseFixture.B1;
import static org.warrantykit.PurchaseFixture.GB;
import static org.warrantykit.PurchaseFixture.MEGA;
import static org.warrantykit.PurchaseFixture.NOW;
import static org.warrantykit.PurchaseFixture.PLAIN;
import static org.warrantykit.fixtures.Fixtures.ALICE;
import static org.warrantykit.fixtures.Fixtures.BOB;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.warrantykit.fixtures.TestPolicy;
import org.warrantykit.memory.InMemoryOrderStore;
import org.warrantykit.memory.InMemoryStores;
import org.warrantykit.spi.LedgerEntry;

class PurchaseTest {
    /** What the fixtures' German devices' standard term, and so their extensions, cover. */
    static final java.util.Set<Covered> EU_STANDARD_SCOPE = Covered.scope(Covered.PARTS, Covered.LABOUR, Covered.TRANSPORT);
    final PurchaseFixture f = new PurchaseFixture().upgradeAll();
    final WarrantyService service = f.service;

    /** Runs a call that must fail, and checks it changed no ledger and no order. */
    Throwable failsChangingNothing(ThrowingCallable call) {
        Object before = f.everything();
        Throwable thrown = catchThrowable(call);
        assertThat(thrown).as("the call should have failed").isNotNull();
        assertThat(f.everything()).as("state after the failed call").isEqualTo(before);
        return thrown;
    }

    @Nested
    class Offers {
        @Test
        void upgradedDeviceIsOfferedItsTermsWithPriceAndNewEnd() {
            List<ExtensionOffer> offers = service.offers(ALICE, A1);

            assertThat(offers).containsExactly(
                    new ExtensionOffer("EXT-60M", 60, Money.of("200", "EUR"), LocalDate.of(2038, 5, 1), EU_STANDARD_SCOPE),
                    new ExtensionOffer("EXT-120M", 120, Money.of("400", "EUR"), LocalDate.of(2043, 5, 1), EU_STANDARD_SCOPE));
            assertThat(service.inquire(A1).actions()).contains(Action.BUY_EXTENSION);
        }

        @Test
        void gbDeviceIsPricedInPounds() {
            assertThat(service.offers(ALICE, GB)).extracting(ExtensionOffer::price)
                    .containsExactly(Money.of("170", "GBP"), Money.of("340", "GBP"));
        }

        @Test
        void deviceWithoutOffersGetsAnEmptyListAndNoBuyAction() {
            for (String serial : List.of(PLAIN, MEGA)) {
                assertThat(service.offers(ALICE, serial)).as(serial).isEmpty();
                assertThat(service.inquire(serial).actions()).as(serial).doesNotContain(Action.BUY_EXTENSION);
            }
        }

        @Test
        void lessThanSixMonthsLeftMeansNoOffers() {
            f.clock.set(Instant.parse("2032-11-02T00:00:00Z")); // A1 ends 2033-05-01: 6 months minus a day
            assertThat(service.offers(ALICE, A1)).isEmpty();
            f.clock.set(Instant.parse("2032-11-01T00:00:00Z")); // exactly 6 months left
            assertThat(service.offers(ALICE, A1)).hasSize(2);
        }

        /** Whether an extension needs the upgrade first is the policy's to say (issue 18): the service sells what it offers. */
        @Test
        void aPolicyThatSellsBeforeTheUpgradeIsFollowed() {
            PurchaseFixture early = new PurchaseFixture(
                    new TestPolicy().withVersion("early").offeringBeforeUpgrade(), null);
            WarrantyView before = early.service.inquire(PLAIN);
            assertThat(before.coverages()).hasSize(1);
            assertThat(before.actions()).containsExactly(Action.BUY_EXTENSION);
            assertThat(early.service.offers(ALICE, PLAIN)).extracting(ExtensionOffer::offerId).contains("EXT-60M");

            Order order = early.service.purchase(ALICE, PLAIN, "EXT-60M", "k");
            early.service.confirmPayment(order.orderId(), "psp-early");

            WarrantyView after = early.service.inquire(PLAIN);
            assertThat(after.coverages()).extracting(Coverage::kind)
                    .containsExactly(CoverageKind.STANDARD, CoverageKind.EXTENSION);
            assertThat(after.end()).isEqualTo(before.end().plusMonths(60));
            assertThat(after.state()).isEqualTo(WarrantyState.EXTENDED);
        }

        @Test
        void onlyTheOwnerSeesOffers() {
            Object before = f.everything();
            assertThatThrownBy(() -> service.offers(BOB, A1)).isInstanceOf(AccessDeniedException.class)
                    .hasMessage("Account bob may not act on device EXTEND00001: it is not registered to this account");
            assertThat(f.everything()).isEqualTo(before);
        }
    }

    @Nested
    class Placing {
        @Test
        void purchaseLocksThePriceAndOpensASevenDayPaymentWindowWithoutTouchingTheLedger() {
            List<LedgerEntry> ledgerBefore = f.entries(A1);

            Order order = service.purchase(ALICE, " extend00001 ", " ext-60m ", "checkout-1");

            assertThat(order.orderId().value()).startsWith("O-");
            assertThat(order.account()).isEqualTo(ALICE);
            assertThat(order.state()).isEqualTo(OrderState.PENDING_PAYMENT);
            assertThat(order.lines()).singleElement().satisfies(line -> {
                assertThat(line.serial()).isEqualTo(SerialNumber.parse(A1));
                assertThat(line.offerId()).isEqualTo("EXT-60M");
                assertThat(line.months()).isEqualTo(60);
                assertThat(line.price()).isEqualTo(Money.of("200", "EUR"));
                assertThat(line.pricedBy().ruleSetVersion()).isEqualTo(TestPolicy.VERSION);
            });
            assertThat(order.total()).isEqualTo(Money.of("200", "EUR"));
            assertThat(order.createdAt()).isEqualTo(NOW);
            assertThat(order.payBy()).isEqualTo(NOW.plus(Duration.ofDays(7)));
            assertThat(order.paymentReference()).isEmpty();
            assertThat(order.closedAt()).isEmpty();
            assertThat(f.entries(A1)).isEqualTo(ledgerBefore);
            assertThat(service.order(ALICE, order.orderId())).isEqualTo(order);
            assertThat(service.orders(ALICE)).containsExactly(order);
        }

        @Test
        void theSameKeyReturnsTheSameOrderEvenAfterItWasPaid() {
            Order first = service.purchase(ALICE, A1, "EXT-60M", "checkout-1");
            assertThat(service.purchase(ALICE, A1, "EXT-60M", "checkout-1")).isEqualTo(first);

            Order paid = service.confirmPayment(first.orderId(), "psp-1");
            // the device now has other offers, but a retried request still gets its order back
            assertThat(service.purchase(ALICE, A1, "ext-60m", "checkout-1")).isEqualTo(paid);
            assertThat(service.orders(ALICE)).hasSize(1);
        }

        @Test
        void theKeyIsScopedToTheAccount() {
            Order alices = service.purchase(ALICE, A1, "EXT-60M", "same-key");
            Order bobs = service.purchase(BOB, B1, "EXT-60M", "same-key");

            assertThat(bobs.orderId()).isNotEqualTo(alices.orderId());
            assertThat(service.orders(BOB)).containsExactly(bobs);
        }

        @Test
        void severalDevicesInOneOrderTotalTheirLockedLines() {
            Order order = service.purchase(ALICE, List.of(OfferSelection.of(A1, "EXT-60M"),
                    OfferSelection.of(A2, "EXT-120M")), "cart-7");

            assertThat(order.lines()).extracting(OrderLine::serial, OrderLine::offerId, OrderLine::price)
                    .containsExactly(
                            tuple(SerialNumber.parse(A1), "EXT-60M", Money.of("200", "EUR")),
                            tuple(SerialNumber.parse(A2), "EXT-120M", Money.of("400", "EUR")));
            assertThat(order.total()).isEqualTo(Money.of("600", "EUR"));
        }

        @Test
        void thePaymentWindowIsConfigurable() {
            PurchaseFixture hour = new PurchaseFixture(new TestPolicy(),
                    Duration.ofHours(1)).upgradeAll();
            assertThat(hour.service.purchase(ALICE, A1, "EXT-60M", "k").payBy()).isEqualTo(NOW.plus(Duration.ofHours(1)));
            assertThatThrownBy(() -> InMemoryStores.configure(WarrantyService.builder()).paymentWindow(Duration.ZERO))
                    .isInstanceOf(ConfigurationException.class)
                    .hasMessage("paymentWindow must be positive and at most 366 days, was PT0S");
        }

        @Test
        void aPaymentWindowBeyondAYearIsRefusedAtBuildNotAtTheFirstPurchase() {
            // Unbounded, NOW + window overflowed Instant and every purchase threw ArithmeticException.
            assertThatThrownBy(() -> WarrantyService.builder().paymentWindow(Duration.ofSeconds(Long.MAX_VALUE)))
                    .isInstanceOf(ConfigurationException.class)
                    .hasMessage("paymentWindow must be positive and at most 366 days, was PT2562047788015215H30M7S");
            PurchaseFixture longest = new PurchaseFixture(new TestPolicy(),
                    WarrantyService.Builder.MAX_PAYMENT_WINDOW).upgradeAll();
            assertThat(longest.service.purchase(ALICE, A1, "EXT-60M", "k").payBy())
                    .isEqualTo(NOW.plus(WarrantyService.Builder.MAX_PAYMENT_WINDOW));
        }
    }

    @Nested
    class PlacingFails {
        @Test
        void forAnotherAccountsDevice() {
            Throwable e = failsChangingNothing(() -> service.purchase(BOB, A1, "EXT-60M", "k"));
            assertThat(e).isInstanceOf(AccessDeniedException.class)
                    .hasMessage("Account bob may not act on device EXTEND00001: it is not registered to this account");
        }

        @Test
        void whenOneDeviceOfSeveralIsAnotherAccounts() {
            Throwable e = failsChangingNothing(() -> service.purchase(ALICE, List.of(OfferSelection.of(A1, "EXT-60M"),
                    OfferSelection.of(B1, "EXT-60M")), "k"));
            assertThat(e).isInstanceOf(AccessDeniedException.class)
                    .hasMessage("Account alice may not act on device BOBDEVICE01: it is not registered to this account");
        }

        @Test
        void forAnUnknownOrMalformedSerial() {
            assertThat(failsChangingNothing(() -> service.purchase(ALICE, "NOSUCHDEV01", "EXT-60M", "k")))
                    .isInstanceOf(UnknownDeviceException.class)
                    .hasMessage("No device with serial number NOSUCHDEV01 is registered; check the number on the device label");
            assertThat(failsChangingNothing(() -> service.purchase(ALICE, "bad sn", "EXT-60M", "k")))
                    .isInstanceOf(InvalidSerialNumberException.class).hasMessageStartingWith("Invalid serial number \"bad sn\"");
        }

        @Test
        void forAnOfferTheDeviceDoesNotHaveListingTheAvailableOnes() {
            Throwable e = failsChangingNothing(() -> service.purchase(ALICE, A1, "EXT-36M", "k"));
            assertThat(e).isInstanceOf(OfferUnavailableException.class)
                    .hasMessage("Offer EXT-36M is not available for device EXTEND00001: there is no offer EXT-36M; "
                            + "available: EXT-60M (60 months, EUR 200.00), EXT-120M (120 months, EUR 400.00)");
            OfferUnavailableException unavailable = (OfferUnavailableException) e;
            assertThat(unavailable.available()).containsExactly("EXT-60M", "EXT-120M");
            assertThat(unavailable.offerId()).isEqualTo("EXT-36M");
            assertThat(unavailable.serial()).isEqualTo(SerialNumber.parse(A1));
        }

        @Test
        void forTextThatIsNotAnOfferIdQuotingItCutAndEscaped() {
            assertThat(failsChangingNothing(() -> service.purchase(ALICE, A1, "EXT-60M\u202Egpj.exe", "k")))
                    .isInstanceOf(InvalidValueException.class)
                    .hasMessage("offerId: \"EXT-60M\\u202Egpj.exe\" is not an offer id; offer ids look like EXT-60M: "
                            + "use one from offers(...)");
            assertThat(failsChangingNothing(() -> service.purchase(ALICE, A1, "x".repeat(100_000), "k")).getMessage())
                    .hasSizeLessThan(200);
            assertThat(service.purchase(ALICE, A1, " ext-60m ", "k").lines()).as("case and spaces are forgiven")
                    .extracting(OrderLine::offerId).containsExactly("EXT-60M");
        }

        @Test
        void forADeviceWithoutOffersGivingThePolicysReason() {
            assertThat(failsChangingNothing(() -> service.purchase(ALICE, PLAIN, "EXT-60M", "k")))
                    .isInstanceOf(OfferUnavailableException.class)
                    .hasMessage("Offer EXT-60M is not available for device NOTUPGRADED1: the device has no extension "
                            + "offers now. Extensions can be bought once the free online upgrade is applied.");
            assertThat(failsChangingNothing(() -> service.purchase(ALICE, MEGA, "EXT-60M", "k")))
                    .isInstanceOf(OfferUnavailableException.class)
                    .hasMessageEndingWith("Model X3-MEGA-G2 cannot be extended online.");
            f.clock.set(Instant.parse("2033-01-01T00:00:00Z"));
            assertThat(failsChangingNothing(() -> service.purchase(ALICE, A1, "EXT-60M", "k")))
                    .isInstanceOf(OfferUnavailableException.class)
                    .hasMessageEndingWith("The warranty ends on 2033-05-01; extensions are sold only while at least 6 months remain.");
        }

        @Test
        void whenTheDevicesArePricedInDifferentCurrencies() {
            Throwable e = failsChangingNothing(() -> service.purchase(ALICE, List.of(OfferSelection.of(A1, "EXT-60M"),
                    OfferSelection.of(A2, "EXT-60M"), OfferSelection.of(GB, "EXT-60M")), "k"));
            assertThat(e).isInstanceOf(InvalidOrderException.class)
                    .hasMessage("An order is paid in one currency, but its devices are priced in EUR (EXTEND00001, "
                            + "EXTEND00002) and GBP (EXTENDGB001); place one order per currency");
            assertThat(((InvalidOrderException) e).reason()).isEqualTo(InvalidOrderException.Reason.MIXED_CURRENCIES);
        }

        @Test
        void whenADeviceIsSelectedTwiceOrNoneAtAll() {
            Throwable twice = failsChangingNothing(() -> service.purchase(ALICE, List.of(OfferSelection.of(A1, "EXT-60M"),
                    OfferSelection.of("extend00001", "EXT-120M")), "k"));
            assertThat(twice).isInstanceOf(InvalidOrderException.class)
                    .hasMessage("Device EXTEND00001 is selected twice; an order buys one extension per device");
            Throwable none = failsChangingNothing(() -> service.purchase(ALICE, List.of(), "k"));
            assertThat(none).isInstanceOf(InvalidOrderException.class)
                    .hasMessage("An order needs at least one device and offer");
            assertThat(((InvalidOrderException) none).reason()).isEqualTo(InvalidOrderException.Reason.NO_LINES);
        }

        @Test
        void whenTheKeyAlreadyPlacedADifferentOrder() {
            Order first = service.purchase(ALICE, A1, "EXT-60M", "checkout-1");
            Throwable e = failsChangingNothing(() -> service.purchase(ALICE, A1, "EXT-120M", "checkout-1"));
            assertThat(e).isInstanceOf(InvalidOrderException.class)
                    .hasMessage("Idempotency key \"checkout-1\" already placed order " + first.orderId()
                            + " (EXT-60M for EXTEND00001 at EUR 200.00) for account alice; use a new key for a "
                            + "different purchase");
            assertThat(((InvalidOrderException) e).reason()).isEqualTo(InvalidOrderException.Reason.IDEMPOTENCY_KEY_REUSED);
        }

        @Test
        void whenTheKeyOrOfferIsMissing() {
            assertThat(failsChangingNothing(() -> service.purchase(ALICE, A1, "EXT-60M", " ")))
                    .isInstanceOf(InvalidValueException.class).hasMessage("idempotencyKey: is required and must not be blank");
            assertThat(failsChangingNothing(() -> service.purchase(ALICE, A1, "EXT-60M", "x".repeat(256))))
                    .isInstanceOf(InvalidValueException.class)
                    .hasMessage("idempotencyKey: is 256 characters long; at most 255 are accepted");
            assertThat(failsChangingNothing(() -> service.purchase(ALICE, A1, "", "k")))
                    .isInstanceOf(InvalidValueException.class)
                    .hasMessage("offerId: no offer chosen for device \"EXTEND00001\"; use an offerId from offers(...), e.g. EXT-60M");
        }
    }

    @Nested
    class Paying {
        @Test
        void confirmedPaymentAppendsOneExtensionFromTheDayAfterTheCurrentEnd() {
            Order order = service.purchase(ALICE, A1, "EXT-60M", "k");
            f.clock.advance(Duration.ofDays(3));
            int entriesBefore = f.entries(A1).size();

            Order paid = service.confirmPayment(order.orderId(), "psp-123");

            assertThat(paid.state()).isEqualTo(OrderState.PAID);
            assertThat(paid.paymentReference()).contains("psp-123");
            assertThat(paid.closedAt()).contains(NOW.plus(Duration.ofDays(3)));
            assertThat(paid.lines()).isEqualTo(order.lines());
            List<LedgerEntry> entries = f.entries(A1);
            assertThat(entries).hasSize(entriesBefore + 1);
            LedgerEntry added = entries.get(entries.size() - 1);
            assertThat(added.coverage()).isEqualTo(new Coverage(CoverageKind.EXTENSION, LocalDate.of(2033, 5, 2),
                    LocalDate.of(2038, 5, 1), "order " + order.orderId(), "PARTS,LABOUR,TRANSPORT"));
            assertThat(added.trace()).isEqualTo(order.lines().get(0).pricedBy());
            WarrantyView view = service.inquire(A1);
            assertThat(view.state()).isEqualTo(WarrantyState.EXTENDED);
            assertThat(view.end()).isEqualTo(LocalDate.of(2038, 5, 1));
            assertThat(service.order(ALICE, order.orderId())).isEqualTo(paid);
        }

        @Test
        void confirmingAgainWithTheSameReferenceAppliesNothingTwice() {
            Order order = service.purchase(ALICE, List.of(OfferSelection.of(A1, "EXT-60M"),
                    OfferSelection.of(A2, "EXT-120M")), "k");
            Order paid = service.confirmPayment(order.orderId(), "psp-1");
            Object after = f.everything();

            f.clock.advance(Duration.ofDays(30)); // even after the payment window
            assertThat(service.confirmPayment(" " + order.orderId() + " ", "psp-1")).isEqualTo(paid);
            assertThat(f.everything()).isEqualTo(after);
            assertThat(f.extensionsOf(A1, paid)).hasSize(1);
            assertThat(f.extensionsOf(A2, paid)).singleElement()
                    .satisfies(c -> assertThat(c.end()).isEqualTo(LocalDate.of(2044, 1, 30)));
        }

        @Test
        void aConfirmationThatStoppedAfterRecordingThePaymentIsCompletedByTheNextOne() {
            Order order = service.purchase(ALICE, List.of(OfferSelection.of(A1, "EXT-60M"),
                    OfferSelection.of(A2, "EXT-60M")), "k");
            // as if the host crashed right after the order store recorded the payment
            assertThat(f.orders.transition(order, order.paid("psp-1", NOW))).isTrue();
            assertThat(f.extensionsOf(A1, order)).isEmpty();

            service.confirmPayment(order.orderId(), "psp-1");

            assertThat(f.extensionsOf(A1, order)).hasSize(1);
            assertThat(f.extensionsOf(A2, order)).hasSize(1);
        }

        @Test
        void extensionStartsAtTheEndCurrentAtPaymentWhenTheWarrantyChangedMeanwhile() {
            Order order = service.purchase(ALICE, A1, "EXT-60M", "k");
            // between order and payment a code was redeemed (done here on the ledger directly)
            List<LedgerEntry> entries = f.entries(A1);
            Coverage promotion = entries.get(entries.size() - 1).coverage()
                    .followedBy(CoverageKind.PROMOTION, 1, CoverageSource.parse("campaign SUMMER"), Covered.scope(Covered.PARTS, Covered.LABOUR));
            assertThat(f.ledger.append(SerialNumber.parse(A1), entries.size(), List.of(new LedgerEntry(promotion,
                    new DecisionTrace(TestPolicy.VERSION, List.of("promo")), NOW)))).isTrue();

            service.confirmPayment(order.orderId(), "psp-1");

            assertThat(f.extensionsOf(A1, order)).containsExactly(new Coverage(CoverageKind.EXTENSION,
                    LocalDate.of(2034, 5, 2), LocalDate.of(2039, 5, 1), order.coverageSource(), EU_STANDARD_SCOPE));
            assertThat(service.inquire(A1).end()).isEqualTo(LocalDate.of(2039, 5, 1));
        }

        @Test
        void thePriceIsLockedWhenTheOrderIsPlaced() {
            Order order = service.purchase(ALICE, A1, "EXT-120M", "k");

            service.replaceRules(new TestPolicy().withVersion("pricier-2").withPriceFactor(new BigDecimal("1.5")));
            assertThat(service.offers(ALICE, A1)).extracting(ExtensionOffer::price)
                    .containsExactly(Money.of("300", "EUR"), Money.of("600", "EUR"));
            Order paid = service.confirmPayment(order.orderId(), "psp-1");

            assertThat(paid.total()).isEqualTo(Money.of("400", "EUR"));
            assertThat(paid.lines()).isEqualTo(order.lines());
            assertThat(f.extensionsOf(A1, paid)).singleElement()
                    .satisfies(c -> assertThat(c.end()).isEqualTo(LocalDate.of(2043, 5, 1)));
            assertThat(f.entries(A1).get(f.entries(A1).size() - 1).trace().ruleSetVersion()).isEqualTo(TestPolicy.VERSION);
        }

        @Test
        void severalDevicesOfOneOrderEachGetTheirExtension() {
            Order order = service.purchase(ALICE, List.of(OfferSelection.of(A1, "EXT-120M"),
                    OfferSelection.of(A2, "EXT-60M")), "k");
            service.confirmPayment(order.orderId(), "psp-1");

            assertThat(service.inquire(A1).end()).isEqualTo(LocalDate.of(2043, 5, 1));
            assertThat(service.inquire(A2).end()).isEqualTo(LocalDate.of(2039, 1, 30));
        }

        @Test
        void payingExactlyAtTheDeadlineIsAccepted() {
            Order order = service.purchase(ALICE, A1, "EXT-60M", "k");
            f.clock.set(order.payBy());
            assertThat(service.expireOverdueOrders()).isZero();
            assertThat(service.confirmPayment(order.orderId(), "psp-1").state()).isEqualTo(OrderState.PAID);
        }
    }

    @Nested
    class PayingFails {
        @Test
        void forAnUnknownOrder() {
            Throwable e = failsChangingNothing(() -> service.confirmPayment("O-NOPE", "psp-1"));
            assertThat(e).isInstanceOf(UnknownOrderException.class)
                    .hasMessage("No order with id O-NOPE exists; check the id the purchase returned");
            assertThat(failsChangingNothing(() -> service.confirmPayment(" ", "psp-1")))
                    .isInstanceOf(InvalidValueException.class)
                    .hasMessage("orderId: no order id given; use the orderId the purchase returned");
        }

        @Test
        void forACancelledOrder() {
            Order order = service.purchase(ALICE, A1, "EXT-60M", "k");
            service.cancel(ALICE, order.orderId());

            Throwable e = failsChangingNothing(() -> service.confirmPayment(order.orderId(), "psp-1"));
            assertThat(e).isInstanceOf(OrderStateException.class)
                    .hasMessage("Order " + order.orderId() + " is CANCELLED since " + NOW + " and can no longer be paid; "
                            + "payment psp-1 was not applied and should be refunded");
            assertThat(((OrderStateException) e).state()).isEqualTo(OrderState.CANCELLED);
            assertThat(((OrderStateException) e).orderId()).isEqualTo(order.orderId());
        }

        @Test
        void forAnExpiredOrder() {
            Order order = service.purchase(ALICE, A1, "EXT-60M", "k");
            f.clock.advance(Duration.ofDays(8));
            assertThat(service.expireOverdueOrders()).isEqualTo(1);

            Throwable e = failsChangingNothing(() -> service.confirmPayment(order.orderId(), "psp-1"));
            assertThat(e).isInstanceOf(OrderStateException.class)
                    .hasMessage("Order " + order.orderId() + " is EXPIRED since " + NOW.plus(Duration.ofDays(8))
                            + " and can no longer be paid; payment psp-1 was not applied and should be refunded");
            assertThat(((OrderStateException) e).state()).isEqualTo(OrderState.EXPIRED);
        }

        @Test
        void pastThePaymentWindowBeforeTheSweepRan() {
            Order order = service.purchase(ALICE, A1, "EXT-60M", "k");
            f.clock.set(order.payBy().plusSeconds(1));

            Throwable e = failsChangingNothing(() -> service.confirmPayment(order.orderId(), "psp-1"));
            assertThat(e).isInstanceOf(OrderStateException.class)
                    .hasMessage("Order " + order.orderId() + " had to be paid by 2026-12-04T10:00:00Z and can no "
                            + "longer be paid; payment psp-1 was not applied and should be refunded");
            assertThat(((OrderStateException) e).state()).isEqualTo(OrderState.PENDING_PAYMENT);
        }

        @Test
        void forAnOrderAlreadyPaidUnderAnotherReference() {
            Order order = service.purchase(ALICE, A1, "EXT-60M", "k");
            service.confirmPayment(order.orderId(), "psp-1");

            Throwable e = failsChangingNothing(() -> service.confirmPayment(order.orderId(), "psp-2"));
            assertThat(e).isInstanceOf(OrderStateException.class)
                    .hasMessage("Order " + order.orderId() + " is already paid (payment psp-1); payment psp-2 was not "
                            + "applied and should be refunded");
        }

        @Test
        void withoutAPaymentReference() {
            Order order = service.purchase(ALICE, A1, "EXT-60M", "k");
            assertThat(failsChangingNothing(() -> service.confirmPayment(order.orderId(), null)))
                    .isInstanceOf(InvalidValueException.class)
                    .hasMessage("paymentReference: is required and must not be blank");
        }
    }

    @Nested
    class Cancelling {
        @Test
        void theOwnerCancelsAPendingOrderOnceAndAgainIsANoOp() {
            Order order = service.purchase(ALICE, A1, "EXT-60M", "k");
            f.clock.advance(Duration.ofHours(2));

            Order cancelled = service.cancel(ALICE, order.orderId());

            assertThat(cancelled.state()).isEqualTo(OrderState.CANCELLED);
            assertThat(cancelled.closedAt()).contains(NOW.plus(Duration.ofHours(2)));
            assertThat(service.cancel(ALICE, order.orderId())).isEqualTo(cancelled);
            assertThat(f.extensionsOf(A1, order)).isEmpty();
            assertThat(service.expireOverdueOrders()).isZero();
        }

        @Test
        void anotherAccountMayNotCancelNorRead() {
            Order order = service.purchase(ALICE, A1, "EXT-60M", "k");

            Throwable e = failsChangingNothing(() -> service.cancel(BOB, order.orderId()));
            assertThat(e).isInstanceOf(AccessDeniedException.class)
                    .hasMessage("Account bob may not act on order " + order.orderId() + ": it was placed by another account");
            assertThat(failsChangingNothing(() -> service.order(BOB, order.orderId())))
                    .isInstanceOf(AccessDeniedException.class);
            assertThat(service.orders(BOB)).isEmpty();
        }

        @Test
        void aPaidOrExpiredOrderCannotBeCancelled() {
            Order paid = service.purchase(ALICE, A1, "EXT-60M", "k1");
            service.confirmPayment(paid.orderId(), "psp-1");
            Order late = service.purchase(ALICE, A2, "EXT-60M", "k2");
            f.clock.advance(Duration.ofDays(8));
            service.expireOverdueOrders();

            assertThat(failsChangingNothing(() -> service.cancel(ALICE, paid.orderId())))
                    .isInstanceOf(OrderStateException.class)
                    .hasMessage("Order " + paid.orderId() + " is PAID and can no longer be cancelled");
            assertThat(failsChangingNothing(() -> service.cancel(ALICE, late.orderId())))
                    .isInstanceOf(OrderStateException.class)
                    .hasMessage("Order " + late.orderId() + " is EXPIRED and can no longer be cancelled");
            assertThat(failsChangingNothing(() -> service.cancel(ALICE, "O-NOPE")))
                    .isInstanceOf(UnknownOrderException.class);
        }
    }

    @Nested
    class Expiring {
        @Test
        void theSweepExpiresOnlyPendingOrdersPastTheirWindow() {
            Order early = service.purchase(ALICE, A1, "EXT-60M", "k1");
            f.clock.advance(Duration.ofDays(2));
            Order later = service.purchase(ALICE, A2, "EXT-60M", "k2");
            Order paid = service.purchase(ALICE, GB, "EXT-60M", "k3");
            service.confirmPayment(paid.orderId(), "psp-1");

            f.clock.set(early.payBy());
            assertThat(service.expireOverdueOrders()).isZero();
            f.clock.advance(Duration.ofSeconds(1));
            assertThat(service.expireOverdueOrders()).isEqualTo(1);
            assertThat(service.expireOverdueOrders()).isZero();

            assertThat(service.order(ALICE, early.orderId()).state()).isEqualTo(OrderState.EXPIRED);
            assertThat(service.order(ALICE, early.orderId()).closedAt()).contains(early.payBy().plusSeconds(1));
            assertThat(service.order(ALICE, later.orderId()).state()).isEqualTo(OrderState.PENDING_PAYMENT);
            assertThat(service.order(ALICE, paid.orderId()).state()).isEqualTo(OrderState.PAID);
            assertThat(f.extensionsOf(A1, early)).isEmpty();
        }
    }

    @Nested
    class Store {
        final InMemoryOrderStore store = new InMemoryOrderStore();
        final Order pending = new Order(new OrderId("O-1"), ALICE, "k", OrderState.PENDING_PAYMENT,
                List.of(new OrderLine(SerialNumber.parse(A1), "EXT-60M", 60, Money.of("200", "EUR"),
                        new DecisionTrace("v", List.of()), Covered.scope(Covered.PARTS, Covered.LABOUR))),
                Money.of("200", "EUR"), NOW, NOW.plus(Duration.ofDays(7)), Optional.empty(), Optional.empty());

        @Test
        void placesOncePerAccountAndKey() {
            assertThat(store.placeIfAbsent(pending)).isEqualTo(pending);
            Order sameKey = new Order(new OrderId("O-2"), ALICE, "k", OrderState.PENDING_PAYMENT, pending.lines(), pending.total(),
                    NOW, pending.payBy(), Optional.empty(), Optional.empty());
            assertThat(store.placeIfAbsent(sameKey)).isEqualTo(pending);
            assertThat(store.find(new OrderId("O-2"))).isEmpty();
            assertThat(store.findByIdempotencyKey(ALICE, "k")).contains(pending);
            assertThat(store.findByIdempotencyKey(BOB, "k")).isEmpty();
        }

        @Test
        void transitionIsACompareAndSetOnTheState() {
            store.placeIfAbsent(pending);
            assertThat(store.transition(pending, pending.paid("p", NOW))).isTrue();
            assertThat(store.transition(pending, pending.cancelled(NOW))).isFalse();
            assertThat(store.find(new OrderId("O-1")).orElseThrow().state()).isEqualTo(OrderState.PAID);
            assertThat(store.transition(pending, pending.paid("p", NOW))).isFalse();
            assertThat(store.overdue(NOW.plus(Duration.ofDays(8)))).isEmpty();
        }

        @Test
        void ordersAreValidatedOnConstruction() {
            assertThatThrownBy(() -> new Order(new OrderId("O-3"), ALICE, "k", OrderState.PENDING_PAYMENT, pending.lines(),
                    Money.of("199", "EUR"), NOW, pending.payBy(), Optional.empty(), Optional.empty()))
                    .isInstanceOf(InvalidValueException.class)
                    .hasMessage("total: order O-3 totals EUR 199.00 but its lines add up to EUR 200.00");
            assertThatThrownBy(() -> new Order(new OrderId("O-3"), ALICE, "k", OrderState.PAID, pending.lines(), pending.total(),
                    NOW, pending.payBy(), Optional.empty(), Optional.of(NOW)))
                    .isInstanceOf(InvalidValueException.class)
                    .hasMessage("paymentReference: a PAID order needs a payment reference");
            assertThatThrownBy(() -> new OrderLine(SerialNumber.parse(A1), "EXT-60M", 120, Money.of("1", "EUR"),
                    new DecisionTrace("v", List.of()), Covered.scope(Covered.PARTS, Covered.LABOUR)))
                    .isInstanceOf(InvalidValueException.class)
                    .hasMessage("offerId: the offer of 120 months is \"EXT-120M\", was \"EXT-60M\"");
        }
    }
}
