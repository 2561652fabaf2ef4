package org.warrantykit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.groups.Tuple.tuple;
import static org.warrantykit.fixtures.Fixtures.ALICE;
import static org.warrantykit.fixtures.Fixtures.BOB;
import static org.warrantykit.fixtures.Fixtures.device;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntFunction;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.warrantykit.fixtures.MutableClock;
import org.warrantykit.fixtures.TestPolicy;
import org.warrantykit.memory.InMemoryCoverageLedger;
import org.warrantykit.memory.InMemoryDeviceRegistry;
import org.warrantykit.memory.InMemoryReplacementStore;
import org.warrantykit.memory.InMemoryStores;
import org.warrantykit.spi.Replacement;

/**
 * Device replacement (RMA, issue 17): the replacement carries the faulty unit's remaining lines from
 * the day of the swap, the faulty unit's warranty ends the day before, and nothing more is done for it.
 */
class ReplacementTest {
    static final Instant NOW = Instant.parse("2026-11-27T10:00:00Z");
    static final LocalDate SWAP = LocalDate.of(2026, 11, 1);

    /** Alice's X1 inverter installed 2023-05-02: standard to 2028-05-01, upgraded to 2033-05-01. */
    static final String FAULTY = "FAULTY000001";
    /** Alice's X1 inverter installed 2020-01-10: standard ended 2025-01-09, upgraded (in 2024) to 2030-01-09. */
    static final String OLD = "OLDFAULTY001";
    /** Bob's X1 inverter installed 2015: its warranty ended in 2020. */
    static final String ENDED = "ENDED0000001";
    /** Spare X1 inverters in the warehouse: no owner, nothing granted. */
    static final String SPARE1 = "SPARE0000001";
    static final String SPARE2 = "SPARE0000002";
    static final String SPARE3 = "SPARE0000003";
    /** A spare of the X3 line, which the test policy does not let replace an X1. */
    static final String X3_SPARE = "SPAREX300001";
    static final String BATTERY = "SPAREBATT001";
    /** Alice's X1 inverter that never sent data: her upgrade request waits for it. */
    static final String OFFLINE = "OFFLINEUNIT1";
    /** Bob's upgraded X1 inverter: it has grants of its own. */
    static final String BOBS = "BOBSUNIT0001";

    final MutableClock clock = new MutableClock(NOW);
    final InMemoryCoverageLedger ledger = new InMemoryCoverageLedger();
    final InMemoryReplacementStore replacements = new InMemoryReplacementStore();
    final WarrantyService service = InMemoryStores.configure(WarrantyService.builder()).rules(new TestPolicy())
            .devices(InMemoryDeviceRegistry.of(devices())).clock(clock).ledger(ledger).replacements(replacements)
            .build();

    static List<Device> devices() {
        List<Device> devices = new ArrayList<>(List.of(
                device(FAULTY).model("X1-HYBRID-G4").installed(LocalDate.of(2023, 5, 2)).build(),
                device(OLD).model("X1-HYBRID-G4").installed(LocalDate.of(2020, 1, 10))
                        .online(Instant.parse("2024-05-01T00:00:00Z")).build(),
                device(ENDED).model("X1-BOOST").installed(LocalDate.of(2015, 3, 1)).owner(BOB).build(),
                device(X3_SPARE).model("X3-HYBRID-G4").unowned().neverInstalled().produced(LocalDate.of(2026, 6, 1)).build(),
                device(BATTERY).model("X1-BAT").category(Category.BATTERY).unowned().neverInstalled()
                        .produced(LocalDate.of(2026, 6, 1)).build(),
                device(BOBS).model("X1-BOOST").owner(BOB).build()));
        for (String spare : List.of(SPARE1, SPARE2, SPARE3)) {
            devices.add(device(spare).model("X1-BOOST").unowned().neverInstalled().produced(LocalDate.of(2026, 6, 1)).build());
        }
        devices.add(device(OFFLINE).model("X1-HYBRID-G4").installed(LocalDate.of(2023, 5, 2)).offline().build());
        for (int i = 0; i < 8; i++) { // for the races
            devices.add(device(String.format("RACESPARE%03d", i)).model("X1-BOOST").unowned().neverInstalled()
                    .produced(LocalDate.of(2026, 6, 1)).build());
            devices.add(device(String.format("RACEFAULT%03d", i)).model("X1-BOOST").build());
        }
        return devices;
    }

    ReplacementTest() {
        assertThat(service.requestUpgrade(ALICE, FAULTY).status()).isEqualTo(UpgradeStatus.UPGRADED);
        assertThat(service.requestUpgrade(BOB, BOBS).status()).isEqualTo(UpgradeStatus.UPGRADED);
        clock.set(Instant.parse("2024-06-01T10:00:00Z")); // OLD's upgrade, while its standard term ran
        assertThat(service.requestUpgrade(ALICE, OLD).status()).isEqualTo(UpgradeStatus.UPGRADED);
        clock.set(NOW);
    }

    static LocalDate day(String text) {
        return LocalDate.parse(text);
    }

    /** Everything a refused swap must leave alone. */
    Map<String, Object> everything() {
        Map<String, Object> all = new TreeMap<>();
        for (Device device : devices()) {
            SerialNumber sn = device.serial();
            all.put("ledger/" + sn, ledger.entries(sn));
            all.put("replacementOf/" + sn, replacements.replacementOf(sn));
            all.put("replacing/" + sn, replacements.replacing(sn));
            all.put("view/" + sn, service.inquire(sn));
        }
        return all;
    }

    @Nested
    class Effect {
        @Test
        void theReplacementCarriesTheRemainingLinesFromTheSwapDayAndTheFaultyUnitEndsTheDayBefore() {
            List<Coverage> before = service.inquire(FAULTY).coverages();

            WarrantyView replacement = service.replaceDevice(FAULTY, SPARE1, SWAP);

            assertThat(replacement.serial().value()).isEqualTo(SPARE1);
            assertThat(replacement.replaces()).contains(FAULTY);
            assertThat(replacement.replacedBy()).isEmpty();
            assertThat(replacement.state()).isEqualTo(WarrantyState.UPGRADED);
            assertThat(replacement.coverages())
                    .extracting(Coverage::kind, Coverage::start, Coverage::end, Coverage::source, Coverage::covers)
                    .containsExactly(
                            tuple(CoverageKind.STANDARD, SWAP, day("2028-05-01"), before.get(0).source(), before.get(0).covers()),
                            tuple(CoverageKind.UPGRADE, day("2028-05-02"), day("2033-05-01"), before.get(1).source(),
                                    before.get(1).covers()));
            assertThat(service.inquire(SPARE1)).isEqualTo(replacement);

            WarrantyView faulty = service.inquire(FAULTY);
            assertThat(faulty.state()).isEqualTo(WarrantyState.REPLACED);
            assertThat(faulty.replacedBy()).contains(SPARE1);
            assertThat(faulty.actions()).isEmpty();
            assertThat(faulty.end()).isEqualTo(SWAP.minusDays(1));
            assertThat(faulty.coverages()).extracting(Coverage::kind, Coverage::start, Coverage::end)
                    .containsExactly(tuple(CoverageKind.STANDARD, day("2023-05-02"), day("2026-10-31")));
        }

        @Test
        void aSwapInTheUpgradeYearsGivesTheReplacementAWarrantyThatStartsWithTheUpgradeLine() {
            WarrantyView replacement = service.replaceDevice(OLD, SPARE1, SWAP);

            assertThat(replacement.coverages()).extracting(Coverage::kind, Coverage::start, Coverage::end, Coverage::covers)
                    .containsExactly(tuple(CoverageKind.UPGRADE, SWAP, day("2030-01-09"), Set.of(Covered.PARTS)));
            assertThat(service.inquire(OLD).coverages()).extracting(Coverage::kind, Coverage::end)
                    .containsExactly(tuple(CoverageKind.STANDARD, day("2025-01-09")), tuple(CoverageKind.UPGRADE, day("2026-10-31")));
        }

        @Test
        void aFaultyUnitWithNothingGrantedHasItsStandardTermFrozenAndHandedOn() {
            String plain = "RACEFAULT000"; // alice's X1-BOOST, installed 2023-05-02, never upgraded
            assertThat(ledger.entries(SerialNumber.parse(plain))).isEmpty();

            WarrantyView replacement = service.replaceDevice(plain, SPARE1, SWAP);

            assertThat(replacement.state()).as("only a standard term was handed on").isEqualTo(WarrantyState.STANDARD);
            assertThat(replacement.coverages()).extracting(Coverage::kind, Coverage::start, Coverage::end)
                    .containsExactly(tuple(CoverageKind.STANDARD, SWAP, day("2028-05-01")));
            assertThat(ledger.entries(SerialNumber.parse(plain))).extracting(e -> e.coverage().end())
                    .containsExactly(day("2028-05-01"));
        }

        @Test
        void theReplacementBelongsToTheFaultyUnitsOwnerWhoCanActOnIt() {
            service.replaceDevice(FAULTY, SPARE1, SWAP);

            assertThat(service.devices(ALICE)).extracting(v -> v.serial().value()).contains(FAULTY, SPARE1);
            assertThat(service.offers(ALICE, SPARE1)).isNotEmpty();
            assertThat(service.certificate(ALICE, SPARE1).coverages()).extracting(Coverage::start)
                    .containsExactly(SWAP, day("2028-05-02"));
            assertThatThrownBy(() -> service.offers(BOB, SPARE1)).isInstanceOf(AccessDeniedException.class);
        }

        @Test
        void aReplacementCanBeReplacedInTurnAndEachUnitNamesItsNeighbours() {
            service.replaceDevice(FAULTY, SPARE1, SWAP);
            clock.set(NOW.plusSeconds(86_400 * 10));

            WarrantyView third = service.replaceDevice(SPARE1, SPARE2, day("2026-12-05"));

            assertThat(third.replaces()).contains(SPARE1);
            assertThat(third.coverages()).extracting(Coverage::kind, Coverage::start, Coverage::end).containsExactly(
                    tuple(CoverageKind.STANDARD, day("2026-12-05"), day("2028-05-01")),
                    tuple(CoverageKind.UPGRADE, day("2028-05-02"), day("2033-05-01")));
            WarrantyView second = service.inquire(SPARE1);
            assertThat(second.state()).isEqualTo(WarrantyState.REPLACED);
            assertThat(second.replaces()).contains(FAULTY);
            assertThat(second.replacedBy()).contains(SPARE2);
            assertThat(second.coverages()).extracting(Coverage::start, Coverage::end)
                    .containsExactly(tuple(SWAP, day("2026-12-04")));
            assertThat(service.inquire(FAULTY).replacedBy()).contains(SPARE1);
            assertThat(service.devices(ALICE)).extracting(v -> v.serial().value()).contains(FAULTY, SPARE1, SPARE2);
        }

        @Test
        void anInquiryAsOfADayBeforeTheSwapWasRecordedShowsTheOldPicture() {
            WarrantyView faultyBefore = service.inquire(FAULTY);
            WarrantyView spareBefore = service.inquire(SPARE1);
            clock.set(NOW.plusSeconds(86_400 * 3));
            service.replaceDevice(FAULTY, SPARE1, SWAP);
            LocalDate dayBefore = LocalDate.ofInstant(NOW, clock.getZone()).plusDays(2);

            WarrantyView faulty = service.inquireAsOf(FAULTY, dayBefore);
            assertThat(faulty.state()).isEqualTo(WarrantyState.UPGRADED);
            assertThat(faulty.replacedBy()).isEmpty();
            assertThat(faulty.coverages()).isEqualTo(faultyBefore.coverages());
            WarrantyView spare = service.inquireAsOf(SPARE1, dayBefore);
            assertThat(spare.replaces()).isEmpty();
            assertThat(spare.coverages()).isEqualTo(spareBefore.coverages());
        }

        @Test
        void anOrderPaidAfterTheSwapExtendsTheReplacement() {
            ExtensionOffer offer = service.offers(ALICE, FAULTY).get(0);
            Order order = service.purchase(ALICE, FAULTY, offer.offerId(), "order-before-swap");
            service.replaceDevice(FAULTY, SPARE1, SWAP);
            List<?> faultyLedger = ledger.entries(SerialNumber.parse(FAULTY));

            Order paid = service.confirmPayment(order.orderId(), "PAY-1");

            assertThat(paid.state()).isEqualTo(OrderState.PAID);
            assertThat(ledger.entries(SerialNumber.parse(FAULTY))).isEqualTo(faultyLedger);
            List<Coverage> lines = service.inquire(SPARE1).coverages();
            assertThat(lines).extracting(Coverage::kind).containsExactly(CoverageKind.STANDARD, CoverageKind.UPGRADE,
                    CoverageKind.EXTENSION);
            assertThat(lines.get(2).end()).isEqualTo(offer.newEnd());
            assertThat(lines.get(2).source()).isEqualTo(paid.coverageSource());
            assertThat(service.inquire(SPARE1).state()).isEqualTo(WarrantyState.EXTENDED);
        }

        @Test
        void anUpgradeStillWaitingForTheFaultyUnitToComeOnlineIsDroppedNotGrantedToIt() {
            assertThat(service.requestUpgrade(ALICE, OFFLINE).status()).isEqualTo(UpgradeStatus.PENDING_ONLINE);
            service.replaceDevice(OFFLINE, SPARE1, SWAP);
            List<?> frozen = ledger.entries(SerialNumber.parse(OFFLINE));

            service.deviceOnline(OFFLINE, NOW); // the unit on the bench sends data once more

            assertThat(ledger.entries(SerialNumber.parse(OFFLINE))).isEqualTo(frozen);
            assertThat(service.inquire(OFFLINE).state()).isEqualTo(WarrantyState.REPLACED);
            assertThat(service.inquire(SPARE1).coverages()).extracting(Coverage::kind).containsExactly(CoverageKind.STANDARD);
            assertThat(service.requestUpgrade(ALICE, SPARE1).status()).as("the replacement's owner asks for it")
                    .isIn(UpgradeStatus.UPGRADED, UpgradeStatus.PENDING_ONLINE);
        }

        @Test
        void anOrderPaidBeforeTheSwapIsHandedOnOnceAndNotGrantedAgain() {
            ExtensionOffer offer = service.offers(ALICE, FAULTY).get(0);
            Order order = service.purchase(ALICE, FAULTY, offer.offerId(), "order-paid-first");
            service.confirmPayment(order.orderId(), "PAY-2");

            service.replaceDevice(FAULTY, SPARE1, SWAP);
            service.confirmPayment(order.orderId(), "PAY-2"); // the payment provider's retry

            assertThat(service.inquire(SPARE1).coverages()).extracting(Coverage::kind)
                    .containsExactly(CoverageKind.STANDARD, CoverageKind.UPGRADE, CoverageKind.EXTENSION);
        }
    }

    @Nested
    class Claims {
        @Test
        void aFailureFromTheSwapDayIsTheReplacementsClaimAndOneBeforeItTheFaultyUnits() {
            service.replaceDevice(FAULTY, SPARE1, SWAP);

            ClaimCheck late = service.claimCheck(FAULTY, SWAP);
            assertThat(late.covered()).isFalse();
            assertThat(late.reason()).isEqualTo("Not covered on this unit: it was replaced by SPARE0000001 on 2026-11-01; "
                    + "claims from that day go to SPARE0000001.");
            assertThat(service.claimCheck(FAULTY, SWAP.minusDays(1)).coverage()).map(Coverage::kind)
                    .contains(CoverageKind.STANDARD);

            assertThat(service.claimCheck(SPARE1, SWAP).covered()).isTrue();
            ClaimCheck early = service.claimCheck(SPARE1, SWAP.minusDays(1));
            assertThat(early.covered()).isFalse();
            assertThat(early.reason()).isEqualTo("Not covered: the warranty had not started on 2026-10-31 (it starts "
                    + "2026-11-01). This unit replaced FAULTY000001 on 2026-11-01; claims before that day go to FAULTY000001.");
        }
    }

    @Nested
    class ReplacedUnit {
        static final String MESSAGE = "Device FAULTY000001 was replaced by SPARE0000001 on 2026-11-01; its warranty "
                + "continues on SPARE0000001, so use that serial number";

        @Test
        void everyActionOnTheReplacedUnitIsRefusedNamingItsReplacementAndChangesNothing() {
            service.replaceDevice(FAULTY, SPARE1, SWAP);
            Map<String, Object> before = everything();
            List<Callable<?>> actions = List.of(
                    () -> service.requestUpgrade(ALICE, FAULTY),
                    () -> service.redeem(ALICE, FAULTY, "SUMMER25"),
                    () -> service.offers(ALICE, FAULTY),
                    () -> service.purchase(ALICE, FAULTY, "EXT-60M", "after-swap"),
                    () -> service.certificate(ALICE, FAULTY),
                    () -> service.transferOwnership(FAULTY, ALICE, BOB));
            for (Callable<?> action : actions) {
                DeviceReplacedException refused = catchThrowableOfType(DeviceReplacedException.class, action::call);
                assertThat(refused).hasMessage(MESSAGE);
                assertThat(refused.replacedBy().value()).isEqualTo(SPARE1);
                assertThat(refused.on()).isEqualTo(SWAP);
            }
            assertThat(everything()).isEqualTo(before);
            assertThat(service.expiringWithin(ALICE, java.time.Period.ofYears(20))).extracting(v -> v.serial().value())
                    .doesNotContain(FAULTY);
        }

        @Test
        void someoneElseStillLearnsNothingAboutTheUnit() {
            service.replaceDevice(FAULTY, SPARE1, SWAP);
            assertThatThrownBy(() -> service.offers(BOB, FAULTY)).isInstanceOf(AccessDeniedException.class);
        }
    }

    @Nested
    class Refusals {
        void assertRefused(String faulty, String replacement, LocalDate on, String message) {
            Map<String, Object> before = everything();
            ReplacementRefusedException refused = catchThrowableOfType(ReplacementRefusedException.class,
                    () -> service.replaceDevice(faulty, replacement, on));
            assertThat(refused).as("%s by %s", faulty, replacement).isNotNull();
            assertThat(refused.getMessage()).isEqualTo(message);
            assertThat(refused.faulty().value()).isEqualTo(faulty);
            assertThat(refused.replacement().value()).isEqualTo(replacement);
            assertThat(everything()).isEqualTo(before);
        }

        @Test
        void eachRefusalSaysWhyAndChangesNothing() {
            assertRefused(FAULTY, FAULTY, SWAP, "Device FAULTY000001 cannot be replaced by FAULTY000001: a device cannot "
                    + "replace itself.");
            assertRefused(FAULTY, BATTERY, SWAP, "Device FAULTY000001 cannot be replaced by SPAREBATT001: SPAREBATT001 is "
                    + "of category BATTERY, the faulty unit of INVERTER; only a unit of the same category can take over "
                    + "its warranty.");
            assertRefused(FAULTY, BOBS, SWAP, "Device FAULTY000001 cannot be replaced by BOBSUNIT0001: BOBSUNIT0001 has "
                    + "warranty grants of its own; only a unit with nothing granted can take over another's warranty.");
            assertRefused(ENDED, SPARE1, SWAP, "Device ENDED0000001 cannot be replaced by SPARE0000001: the faulty unit is "
                    + "not covered on 2026-11-01 (its warranty runs from 2015-03-01 to 2020-02-29).");
            assertRefused(FAULTY, SPARE1, day("2023-05-02"), "Device FAULTY000001 cannot be replaced by SPARE0000001: its "
                    + "warranty starts on 2023-05-02, so nothing of it would remain; a unit swapped on its first day is "
                    + "recorded as the installed unit in the supply data instead.");
            assertRefused(FAULTY, X3_SPARE, SWAP, "Device FAULTY000001 cannot be replaced by SPAREX300001: "
                    + TestPolicy.REPLACEMENT_OTHER_LINE);
        }

        @Test
        void aUnitIsReplacedOnceAndAReplacementUsedOnceAndNeverAReplacedUnit() {
            service.replaceDevice(FAULTY, SPARE1, SWAP);

            assertRefused(FAULTY, SPARE2, SWAP, "Device FAULTY000001 cannot be replaced by SPARE0000002: it was already "
                    + "replaced by SPARE0000001 on 2026-11-01.");
            assertRefused("RACEFAULT001", SPARE1, SWAP, "Device RACEFAULT001 cannot be replaced by SPARE0000001: "
                    + "SPARE0000001 already replaced FAULTY000001 on 2026-11-01 and carries that warranty.");
            assertRefused("RACEFAULT001", FAULTY, SWAP, "Device RACEFAULT001 cannot be replaced by FAULTY000001: "
                    + "FAULTY000001 was itself replaced by SPARE0000001 on 2026-11-01; only a unit in service can take "
                    + "over a warranty.");
        }

        @Test
        void badInputIsATypedErrorAndChangesNothing() {
            Map<String, Object> before = everything();
            assertThatThrownBy(() -> service.replaceDevice(FAULTY, "NOSUCHUNIT01", SWAP))
                    .isInstanceOf(UnknownDeviceException.class).hasMessageContaining("NOSUCHUNIT01");
            assertThatThrownBy(() -> service.replaceDevice("bad serial!", SPARE1, SWAP))
                    .isInstanceOf(InvalidSerialNumberException.class);
            assertThatThrownBy(() -> service.replaceDevice(FAULTY, SPARE1, null)).isInstanceOf(InvalidValueException.class);
            assertThatThrownBy(() -> service.replaceDevice(FAULTY, SPARE1, day("2026-11-28")))
                    .isInstanceOf(InvalidValueException.class)
                    .hasMessageContaining("a swap is recorded once it happened; 2026-11-28 is after today, 2026-11-27");
            assertThat(everything()).isEqualTo(before);
        }
    }

    @Nested
    class ExactlyOnce {
        static final int THREADS = 8;

        /** Runs {@code call(i)} on {@link #THREADS} threads released together; returns each outcome. */
        List<Object> race(IntFunction<Object> call) throws Exception {
            ExecutorService pool = Executors.newFixedThreadPool(THREADS);
            try {
                CountDownLatch start = new CountDownLatch(1);
                List<Future<Object>> futures = new ArrayList<>();
                for (int i = 0; i < THREADS; i++) {
                    int n = i;
                    futures.add(pool.submit(() -> {
                        start.await();
                        try {
                            return call.apply(n);
                        } catch (WarrantyException e) {
                            return e;
                        }
                    }));
                }
                start.countDown();
                List<Object> outcomes = new ArrayList<>();
                for (Future<Object> f : futures) {
                    outcomes.add(f.get());
                }
                return outcomes;
            } finally {
                pool.shutdownNow();
            }
        }

        @Test
        void manyThreadsReplacingOneUnitWithDifferentSparesSucceedOnce() throws Exception {
            for (int round = 0; round < 20; round++) {
                String faulty = String.format("RACEFAULT%03d", round % THREADS);
                ReplacementTest fresh = new ReplacementTest();
                List<Object> outcomes = fresh.new ExactlyOnce().race(
                        i -> fresh.service.replaceDevice(faulty, String.format("RACESPARE%03d", i), SWAP));
                List<WarrantyView> won = outcomes.stream().filter(WarrantyView.class::isInstance)
                        .map(WarrantyView.class::cast).toList();
                assertThat(won).hasSize(1);
                String winner = won.get(0).serial().value();
                assertThat(outcomes).filteredOn(o -> !(o instanceof WarrantyView)).hasSize(THREADS - 1)
                        .allSatisfy(o -> assertThat(o).isInstanceOfSatisfying(ReplacementRefusedException.class,
                                e -> assertThat(e.getMessage()).endsWith("it was already replaced by " + winner
                                        + " on 2026-11-01.")));
                assertThat(fresh.service.inquire(faulty).replacedBy()).contains(winner);
                for (int i = 0; i < THREADS; i++) {
                    String spare = String.format("RACESPARE%03d", i);
                    assertThat(fresh.ledger.entries(SerialNumber.parse(spare))).as(spare)
                            .hasSize(spare.equals(winner) ? 1 : 0);
                }
            }
        }

        @Test
        void manyThreadsUsingOneSpareForDifferentUnitsSucceedOnce() throws Exception {
            for (int round = 0; round < 20; round++) {
                ReplacementTest fresh = new ReplacementTest();
                List<Object> outcomes = fresh.new ExactlyOnce().race(
                        i -> fresh.service.replaceDevice(String.format("RACEFAULT%03d", i), SPARE1, SWAP));
                assertThat(outcomes).filteredOn(WarrantyView.class::isInstance).hasSize(1);
                assertThat(outcomes).filteredOn(ReplacementRefusedException.class::isInstance).hasSize(THREADS - 1);
                Replacement swap = fresh.replacements.replacing(SerialNumber.parse(SPARE1)).orElseThrow();
                for (int i = 0; i < THREADS; i++) {
                    SerialNumber faulty = SerialNumber.parse(String.format("RACEFAULT%03d", i));
                    boolean replaced = faulty.equals(swap.faulty());
                    assertThat(fresh.service.inquire(faulty).state() == WarrantyState.REPLACED).as(faulty.value())
                            .isEqualTo(replaced);
                }
            }
        }
    }
}
