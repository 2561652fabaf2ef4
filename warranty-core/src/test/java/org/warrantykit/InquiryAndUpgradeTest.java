package org.warrantykit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.warrantykit.fixtures.Fixtures.ALICE;
import static org.warrantykit.fixtures.Fixtures.BOB;
import static org.warrantykit.fixtures.Fixtures.device;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.warrantykit.fixtures.MutableClock;
import org.warrantykit.fixtures.TestPolicy;
import org.warrantykit.memory.InMemoryCoverageLedger;
import org.warrantykit.memory.InMemoryDeviceRegistry;
import org.warrantykit.memory.InMemoryStores;
import org.warrantykit.memory.InMemoryUpgradeRequestStore;
import org.warrantykit.spi.LedgerEntry;

class InquiryAndUpgradeTest {
    // online since 2026-01-01, installed 2023-05-02: standard 2023-05-02..2028-05-01
    static final Device ONLINE = device("ONLINE00001").build();
    static final Device OFFLINE = device("OFFLINE0001").model("X1-BOOST").installed(LocalDate.of(2025, 3, 1)).offline().build();
    static final Device BATTERY = device("BATTERY0001").model("T-BAT-H5.8").category(Category.BATTERY).region("NL")
            .produced(LocalDate.of(2024, 2, 29)).neverInstalled().online(Instant.parse("2025-01-01T00:00:00Z")).build();
    // installed 2020-06-01: standard ended 2025-05-31
    static final Device EXPIRED = device("EXPIRED0001").model("X1-BOOST").region("FR").installed(LocalDate.of(2020, 6, 1))
            .owner(BOB).offline().build();
    static final Device UNOWNED = device("UNOWNED0001").model("X1-BOOST").produced(LocalDate.of(2025, 1, 1))
            .neverInstalled().unowned().offline().build();

    final MutableClock clock = new MutableClock("2026-11-27T10:00:00Z");
    final InMemoryCoverageLedger ledger = new InMemoryCoverageLedger();
    final InMemoryUpgradeRequestStore requests = new InMemoryUpgradeRequestStore();
    final WarrantyService service = InMemoryStores.configure(WarrantyService.builder())
            .rules(new TestPolicy())
            .devices(InMemoryDeviceRegistry.of(List.of(ONLINE, OFFLINE, BATTERY, EXPIRED, UNOWNED)))
            .clock(clock).ledger(ledger).upgradeRequests(requests)
            .build();
    ExecutorService pool;

    @AfterEach
    void stopPool() {
        if (pool != null) {
            pool.shutdownNow();
        }
    }

    @Test
    void inquiryShowsTheStandardWarrantyWhenNothingChanged() {
        WarrantyView view = service.inquire(" online00001 ");
        assertThat(view.state()).isEqualTo(WarrantyState.STANDARD);
        assertThat(view.start()).isEqualTo(LocalDate.of(2023, 5, 2));
        assertThat(view.end()).isEqualTo(LocalDate.of(2028, 5, 1));
        assertThat(view.coverages()).extracting(Coverage::kind).containsExactly(CoverageKind.STANDARD);
        assertThat(view.actions()).isEmpty();
        assertThat(view.trace().ruleSetVersion()).isEqualTo(TestPolicy.VERSION);
    }

    @Test
    void onlineDeviceIsUpgradedAtOnceAndInquiryShowsTheNewEnd() {
        UpgradeResult result = service.requestUpgrade(ALICE, "ONLINE00001");
        assertThat(result.status()).isEqualTo(UpgradeStatus.UPGRADED);
        assertThat(result.reason()).isEqualTo(TestPolicy.UPGRADE_GRANTED);
        assertThat(result.view().trace().firedRules()).contains(TestPolicy.UPGRADE_RULE);

        WarrantyView view = service.inquire("ONLINE00001");
        assertThat(view.state()).isEqualTo(WarrantyState.UPGRADED);
        assertThat(view.start()).isEqualTo(LocalDate.of(2023, 5, 2));
        assertThat(view.end()).isEqualTo(LocalDate.of(2033, 5, 1));
        assertThat(view.coverages()).extracting(Coverage::kind).containsExactly(CoverageKind.STANDARD, CoverageKind.UPGRADE);
        assertThat(view.coverages().get(1).start()).isEqualTo(LocalDate.of(2028, 5, 2));
        assertThat(view.actions()).containsExactlyInAnyOrder(Action.EDIT, Action.DOWNLOAD_CERTIFICATE, Action.BUY_EXTENSION);
    }

    @Test
    void upgradingTwiceDoesNotStack() {
        service.requestUpgrade(ALICE, "ONLINE00001");
        UpgradeResult again = service.requestUpgrade(ALICE, "ONLINE00001");
        assertThat(again.status()).isEqualTo(UpgradeStatus.UPGRADED);
        assertThat(again.reason()).isEqualTo("Already upgraded from 2028-05-02 to 2033-05-01; upgrades do not stack.");
        assertThat(ledger.entries(ONLINE.serial())).hasSize(2);
        assertThat(service.inquire("ONLINE00001").end()).isEqualTo(LocalDate.of(2033, 5, 1));
    }

    @Test
    void offlineDeviceStaysPendingUntilItComesOnline() {
        UpgradeResult pending = service.requestUpgrade(ALICE, "OFFLINE0001");
        assertThat(pending.status()).isEqualTo(UpgradeStatus.PENDING_ONLINE);
        assertThat(pending.reason()).contains("as soon as the device is online");
        assertThat(service.inquire("OFFLINE0001").state()).isEqualTo(WarrantyState.STANDARD);
        assertThat(requests.pending(OFFLINE.serial())).isPresent();

        clock.advance(Duration.ofDays(3));
        service.deviceOnline("OFFLINE0001", clock.instant());

        WarrantyView view = service.inquire("OFFLINE0001");
        assertThat(view.state()).isEqualTo(WarrantyState.UPGRADED);
        // standard 2025-03-01..2030-02-28, +5 years -> 2035-02-28
        assertThat(view.end()).isEqualTo(LocalDate.of(2035, 2, 28));
        assertThat(requests.pending(OFFLINE.serial())).isEmpty();
        assertThat(service.requestUpgrade(ALICE, "OFFLINE0001").status()).isEqualTo(UpgradeStatus.UPGRADED);
    }

    @Test
    void pendingUpgradeIsDroppedWhenTheStandardWarrantyEndedBeforeTheDeviceCameOnline() {
        assertThat(service.requestUpgrade(ALICE, "OFFLINE0001").status()).isEqualTo(UpgradeStatus.PENDING_ONLINE);
        clock.advance(Duration.ofDays(365 * 4));
        service.deviceOnline("OFFLINE0001", Instant.parse("2030-03-01T00:00:00Z"));
        assertThat(service.inquire("OFFLINE0001").coverages()).hasSize(1);
        assertThat(requests.pending(OFFLINE.serial())).isEmpty();
        assertThat(ledger.entries(OFFLINE.serial())).isEmpty();
    }

    @Test
    void notEligibleUpgradesSayWhyAndChangeNothing() {
        UpgradeResult battery = service.requestUpgrade(ALICE, "BATTERY0001");
        assertThat(battery.status()).isEqualTo(UpgradeStatus.NOT_ELIGIBLE);
        assertThat(battery.reason()).isEqualTo("Model T-BAT-H5.8 has no online warranty upgrade.");
        UpgradeResult expired = service.requestUpgrade(BOB, "EXPIRED0001");
        assertThat(expired.status()).isEqualTo(UpgradeStatus.NOT_ELIGIBLE);
        assertThat(expired.reason()).isEqualTo("The standard warranty ended on 2025-05-31.");
        assertThat(expired.view().state()).isEqualTo(WarrantyState.EXPIRED);
        assertThat(ledger.entries(BATTERY.serial())).isEmpty();
        assertThat(ledger.entries(EXPIRED.serial())).isEmpty();
        assertThat(requests.pending(EXPIRED.serial())).isEmpty();
    }

    @Test
    void errorsAreTypedCarryAPersonReadableMessageAndChangeNothing() {
        assertThatThrownBy(() -> service.inquire("SN-1")).isInstanceOf(InvalidSerialNumberException.class)
                .hasMessage("Invalid serial number \"SN-1\": a serial number is 10 to 20 letters (A-Z) or digits, e.g. H1B50A1234567");
        assertThatThrownBy(() -> service.inquire("NOSUCHDEVICE1")).isInstanceOf(UnknownDeviceException.class)
                .hasMessage("No device with serial number NOSUCHDEVICE1 is registered; check the number on the device label");
        assertThatThrownBy(() -> service.requestUpgrade(BOB, "ONLINE00001")).isInstanceOf(AccessDeniedException.class)
                .hasMessage("Account bob may not act on device ONLINE00001: it is not registered to this account");
        assertThatThrownBy(() -> service.requestUpgrade(BOB, "UNOWNED0001")).isInstanceOf(AccessDeniedException.class)
                .hasMessage("Account bob may not act on device UNOWNED0001: it is not registered to this account");
        assertThatThrownBy(() -> service.requestUpgrade(BOB, "bad serial")).isInstanceOf(InvalidSerialNumberException.class);
        assertThatThrownBy(() -> service.deviceOnline("NOSUCHDEVICE1", clock.instant())).isInstanceOf(UnknownDeviceException.class);
        assertThat(ledger.entries(ONLINE.serial())).isEmpty();
        assertThat(ledger.entries(UNOWNED.serial())).isEmpty();
        assertThat(requests.pending(ONLINE.serial())).isEmpty();
        assertThat(requests.onlineSince(SerialNumber.parse("NOSUCHDEVICE1"))).isEmpty();
    }

    @Test
    void builderNamesTheMissingPort() {
        assertThatThrownBy(() -> InMemoryStores.configure(WarrantyService.builder()).devices(InMemoryDeviceRegistry.of(List.of())).build())
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("needs rules(...)");
        assertThatThrownBy(() -> InMemoryStores.configure(WarrantyService.builder()).rules(new TestPolicy()).build())
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("needs devices(...)");
    }

    @Test
    void builderRefusesToFallBackToMemoryAndNamesEveryMissingStore() {
        WarrantyService.Builder halfWired = WarrantyService.builder().rules(new TestPolicy())
                .devices(InMemoryDeviceRegistry.of(List.of())).ledger(new InMemoryCoverageLedger());
        assertThatThrownBy(halfWired::build).isInstanceOf(ConfigurationException.class)
                .hasMessage("WarrantyService needs its stores: upgradeRequests(...), codeVault(...), codeAttemptLog(...), "
                        + "orders(...), certificateStore(...), ownership(...), replacements(...) not set. Durable stores: "
                        + "JdbcWarrantyStores.configure(builder, dataSource); for tests and demos: "
                        + "InMemoryStores.configure(builder)");
    }

    @Test
    void dashboardListsOwnedDevicesAndTheExpiringOnes() {
        service.requestUpgrade(ALICE, "ONLINE00001");
        assertThat(service.devices(ALICE)).extracting(WarrantyView::serial)
                .containsExactly(BATTERY.serial(), OFFLINE.serial(), ONLINE.serial());
        assertThat(service.devices(AccountId.of("nobody"))).isEmpty();
        // BOB's only device expired; nothing of ALICE ends within a year
        assertThat(service.expiringWithin(BOB, Period.ofYears(1))).isEmpty();
        assertThat(service.expiringWithin(ALICE, Period.ofYears(1))).isEmpty();
        // battery: start 2024-11-29, 10 years -> 2034-11-28; offline inverter ends 2030-02-28
        assertThat(service.expiringWithin(ALICE, Period.ofYears(4))).extracting(WarrantyView::serial)
                .containsExactly(OFFLINE.serial());
        assertThatThrownBy(() -> service.expiringWithin(ALICE, Period.ofDays(-1))).isInstanceOf(InvalidValueException.class);
    }

    @Test
    void ruleChangesDoNotMoveDatesAlreadyGranted() {
        service.requestUpgrade(ALICE, "ONLINE00001");
        // a rule set with one more standard year: the upgrade already granted keeps its dates
        service.replaceRules(new TestPolicy().withVersion("simple-2").withStandardYears(Category.INVERTER, 6));
        assertThat(service.inquire("ONLINE00001").end()).isEqualTo(LocalDate.of(2033, 5, 1));
        assertThat(service.inquire("OFFLINE0001").end()).isEqualTo(LocalDate.of(2031, 2, 28));
        assertThat(service.inquire("OFFLINE0001").trace().ruleSetVersion()).isEqualTo("simple-2");
    }

    @Test
    void concurrentUpgradeRequestsAndOnlineReportsGrantExactlyOnce() throws Exception {
        pool = Executors.newFixedThreadPool(16);
        for (int round = 0; round < 30; round++) {
            InMemoryCoverageLedger roundLedger = new InMemoryCoverageLedger();
            WarrantyService roundService = InMemoryStores.configure(WarrantyService.builder()).rules(new TestPolicy())
                    .devices(InMemoryDeviceRegistry.of(List.of(ONLINE, OFFLINE))).clock(clock)
                    .ledger(roundLedger).build();
            CountDownLatch start = new CountDownLatch(1);
            List<Future<?>> futures = new ArrayList<>();
            for (int t = 0; t < 16; t++) {
                int thread = t;
                futures.add(pool.submit(() -> {
                    start.await();
                    roundService.requestUpgrade(ALICE, "ONLINE00001");
                    if (thread % 2 == 0) {
                        roundService.requestUpgrade(ALICE, "OFFLINE0001");
                    } else {
                        roundService.deviceOnline("OFFLINE0001", clock.instant());
                    }
                    return null;
                }));
            }
            start.countDown();
            for (Future<?> f : futures) {
                f.get();
            }
            assertThat(kinds(roundLedger.entries(ONLINE.serial()))).containsExactly(CoverageKind.STANDARD, CoverageKind.UPGRADE);
            // whatever the interleaving, the offline device ends up upgraded exactly once
            assertThat(kinds(roundLedger.entries(OFFLINE.serial()))).containsExactly(CoverageKind.STANDARD, CoverageKind.UPGRADE);
        }
    }

    private static List<CoverageKind> kinds(List<LedgerEntry> entries) {
        return entries.stream().map(e -> e.coverage().kind()).toList();
    }

    @Test
    void deviceOnlineWithoutPendingRequestOnlyRecordsTheTime() {
        service.deviceOnline("OFFLINE0001", Instant.parse("2026-11-20T00:00:00Z"));
        service.deviceOnline("OFFLINE0001", Instant.parse("2026-11-25T00:00:00Z"));
        assertThat(requests.onlineSince(OFFLINE.serial())).contains(Instant.parse("2026-11-20T00:00:00Z"));
        assertThat(ledger.entries(OFFLINE.serial())).isEmpty();
        assertThat(service.requestUpgrade(ALICE, "OFFLINE0001").status()).isEqualTo(UpgradeStatus.UPGRADED);
        assertThat(Optional.of(service.inquire("OFFLINE0001").end())).contains(LocalDate.of(2035, 2, 28));
    }

    @Test
    void missingArgumentsAndImpossibleTimesAreRefusedWithTypedErrorsAndChangeNothing() {
        assertThatThrownBy(() -> service.requestUpgrade(null, "ONLINE00001")).isInstanceOf(InvalidValueException.class)
                .hasMessage("account: is required but was not given");
        assertThatThrownBy(() -> service.devices(null)).isInstanceOf(InvalidValueException.class)
                .hasMessage("account: is required but was not given");
        assertThatThrownBy(() -> service.expiringWithin(ALICE, null)).isInstanceOf(InvalidValueException.class)
                .hasMessage("within: is required but was not given");
        assertThatThrownBy(() -> service.expiringWithin(ALICE, Period.ofYears(Integer.MAX_VALUE)))
                .isInstanceOf(InvalidValueException.class).hasMessageContaining("last representable date");
        assertThatThrownBy(() -> service.deviceOnline("OFFLINE0001", null)).isInstanceOf(InvalidValueException.class)
                .hasMessage("at: is required but was not given");
        assertThatThrownBy(() -> service.deviceOnline("OFFLINE0001", Instant.MAX)).isInstanceOf(InvalidValueException.class)
                .hasMessageContaining("cannot have come online at +1000000000-12-31T23:59:59.999999999Z");
        assertThatThrownBy(() -> service.deviceOnline("OFFLINE0001", clock.instant().plus(Duration.ofDays(2))))
                .isInstanceOf(InvalidValueException.class).hasMessageContaining("later than now (2026-11-27T10:00:00Z) plus 24 h");
        assertThat(requests.onlineSince(OFFLINE.serial())).isEmpty();
        assertThat(ledger.entries(ONLINE.serial())).isEmpty();
        // a device clock slightly ahead is still accepted
        service.deviceOnline("OFFLINE0001", clock.instant().plus(Duration.ofHours(2)));
        assertThat(requests.onlineSince(OFFLINE.serial())).contains(clock.instant().plus(Duration.ofHours(2)));
        assertThat(service.inquire("OFFLINE0001").state()).isEqualTo(WarrantyState.STANDARD);
    }
}
