package org.warrantykit;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.warrantykit.memory.InMemoryCodeVault;
import org.warrantykit.memory.InMemoryCoverageLedger;
import org.warrantykit.memory.InMemoryDeviceRegistry;
import org.warrantykit.memory.InMemoryStores;
import org.warrantykit.spi.CoverageLedger;
import org.warrantykit.spi.LedgerEntry;

/**
 * A service with codes for tests: today is 2026-11-27 (mutable clock), the {@link CodeTestPolicy},
 * devices that tests describe, an in-memory vault and ledger they can inspect.
 */
final class CodeFixture {
    static final AccountId ALICE = AccountId.of("alice");
    static final AccountId BOB = AccountId.of("bob");
    static final LocalDate TODAY = LocalDate.of(2026, 11, 27);
    static final Instant ONLINE = Instant.parse("2026-01-01T00:00:00Z");

    static final byte[] PEPPER = "test pepper, 32 bytes long......".getBytes(java.nio.charset.StandardCharsets.UTF_8);

    final MutableClock clock = new MutableClock("2026-11-27T10:00:00Z");
    final InMemoryCodeVault vault = new InMemoryCodeVault();
    final CoverageLedger ledger;
    final WarrantyService service;

    CodeFixture(List<Device> devices) {
        this(devices, new InMemoryCoverageLedger());
    }

    CodeFixture(List<Device> devices, CoverageLedger ledger) {
        this(devices, ledger, 5);
    }

    /** With a lockout of {@code maxFailures} within 15 minutes. */
    CodeFixture(List<Device> devices, CoverageLedger ledger, int maxFailures) {
        this.ledger = ledger;
        this.service = InMemoryStores.configure(WarrantyService.builder())
                .rules(new CodeTestPolicy())
                .devices(InMemoryDeviceRegistry.of(devices))
                .clock(clock).ledger(ledger).codeVault(vault)
                .codePepper(PEPPER)
                .codeLockout(maxFailures, Duration.ofMinutes(15))
                .build();
    }

    /** An online inverter installed 2023-05-02 (standard warranty until 2028-05-01). */
    static Device inverter(String serial, String model, String region, AccountId owner) {
        return Device.of(SerialNumber.parse(serial), model, Category.INVERTER, region, LocalDate.of(2023, 1, 10),
                LocalDate.of(2023, 2, 1)).withInstallDate(LocalDate.of(2023, 5, 2)).withOwner(owner)
                .withOnlineSince(ONLINE);
    }

    /** An inverter whose standard warranty ended 2025-05-31, so it never got its upgrade. */
    static Device expiredInverter(String serial, AccountId owner) {
        return Device.of(SerialNumber.parse(serial), "X1-BOOST", Category.INVERTER, "DE", LocalDate.of(2020, 1, 1),
                LocalDate.of(2020, 2, 1)).withInstallDate(LocalDate.of(2020, 6, 1)).withOwner(owner)
                .withOnlineSince(ONLINE);
    }

    /** {@code count} upgraded X1-HYBRID-G4 in DE, serial CONC000001.., each owned by its own account acct-1... */
    static List<Device> manyOwners(int count) {
        List<Device> devices = new ArrayList<>();
        for (int i = 1; i <= count; i++) {
            devices.add(inverter(String.format("CONC%06d", i), "X1-HYBRID-G4", "DE", AccountId.of("acct-" + i)));
        }
        return devices;
    }

    void upgrade(Device device) {
        UpgradeResult result = service.requestUpgrade(device.owner().orElseThrow(), device.serial().value());
        if (result.status() != UpgradeStatus.UPGRADED) {
            throw new IllegalStateException("fixture device " + device.serial() + " not upgraded: " + result.reason());
        }
    }

    /** What the vault holds for an issued code, found by hashing it like the service does. */
    java.util.Optional<org.warrantykit.spi.StoredCode> stored(String code) {
        return vault.code(new CodeHasher(PEPPER).hash(code.replace("-", "").toUpperCase(java.util.Locale.ROOT)));
    }

    List<LedgerEntry> entries(Device device) {
        return ledger.entries(device.serial());
    }

    /** Everything a failed redemption must leave alone, to compare before and after. */
    record State(Object ledger, Object codes, Object campaigns) {
    }

    State state(List<Device> devices, List<String> batchIds, List<String> campaigns) {
        List<Object> ledgers = new ArrayList<>();
        for (Device device : devices) {
            ledgers.add(ledger.entries(device.serial()));
        }
        List<Object> codes = new ArrayList<>();
        for (String batch : batchIds) {
            codes.add(batch + "=" + vault.redeemed(batch));
        }
        List<Object> campaignState = new ArrayList<>();
        for (String campaign : campaigns) {
            List<Object> uses = new ArrayList<>();
            uses.add(campaign + "=" + vault.redemptions(campaign));
            for (Device device : devices) {
                uses.add(vault.campaignUse(campaign, device.serial()));
            }
            campaignState.add(uses);
        }
        return new State(ledgers, codes, campaignState);
    }
}
