package org.warrantykit;

import static org.warrantykit.fixtures.Fixtures.device;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.warrantykit.fixtures.MutableClock;
import org.warrantykit.fixtures.TestPolicy;
import org.warrantykit.memory.InMemoryCodeVault;
import org.warrantykit.memory.InMemoryCoverageLedger;
import org.warrantykit.memory.InMemoryDeviceRegistry;
import org.warrantykit.memory.InMemoryStores;
import org.warrantykit.spi.CoverageLedger;
import org.warrantykit.spi.LedgerEntry;
import org.warrantykit.spi.StoredCode;

/**
 * A service with codes for tests: today is 2026-11-27 (mutable clock), the {@link TestPolicy},
 * devices that tests describe, an in-memory vault and ledger they can inspect.
 */
final class CodeFixture {
    static final LocalDate TODAY = LocalDate.of(2026, 11, 27);

    static final byte[] PEPPER = "test pepper, 32 bytes long......".getBytes(StandardCharsets.UTF_8);

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
                .rules(new TestPolicy())
                .devices(InMemoryDeviceRegistry.of(devices))
                .clock(clock).ledger(ledger).codeVault(vault)
                .codePepper(PEPPER)
                .codeLockout(maxFailures, Duration.ofMinutes(15))
                .build();
    }

    /** {@code count} upgraded X1-HYBRID-G4 in DE, serial CONC000001.., each owned by its own account acct-1... */
    static List<Device> manyOwners(int count) {
        List<Device> devices = new ArrayList<>();
        for (int i = 1; i <= count; i++) {
            devices.add(device(String.format("CONC%06d", i)).owner(AccountId.of("acct-" + i)).build());
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
    Optional<StoredCode> stored(String code) {
        return vault.code(new CodeHasher(PEPPER).hash(code.replace("-", "").toUpperCase(Locale.ROOT)));
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
