package org.warrantykit.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.warrantykit.fixtures.Fixtures.ALICE;
import static org.warrantykit.fixtures.Fixtures.BOB;
import static org.warrantykit.fixtures.Fixtures.device;

import java.security.KeyPairGenerator;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.warrantykit.Campaign;
import org.warrantykit.Certificate;
import org.warrantykit.CertificateSigner;
import org.warrantykit.Coverage;
import org.warrantykit.CoverageKind;
import org.warrantykit.Order;
import org.warrantykit.SerialNumber;
import org.warrantykit.WarrantyService;
import org.warrantykit.WarrantyState;
import org.warrantykit.WarrantyView;
import org.warrantykit.fixtures.TestPolicy;
import org.warrantykit.memory.InMemoryDeviceRegistry;
import org.warrantykit.spi.CodeBatch;
import org.warrantykit.spi.CodeUse;
import org.warrantykit.spi.LedgerEntry;
import org.warrantykit.spi.UpgradeRequest;

/**
 * V7 on a database written by V6: every row of every table stays as it was (V7 only adds
 * {@code wk_replacement}), the devices' views are unchanged, and the first swap on it works.
 * Subclasses pick the database.
 */
abstract class ReplacementMigrationContract {
    static final SerialNumber GRANTED = new SerialNumber("MIGRATED0001");
    static final SerialNumber PENDING = new SerialNumber("MIGRATED0002");
    static final SerialNumber FRESH = new SerialNumber("MIGRATED0003");
    static final Instant T0 = Instant.parse("2026-03-01T10:15:30.123456Z");
    static final Instant NOW = Instant.parse("2026-11-27T10:00:00Z");

    TestDatabase database;
    DataSource dataSource;

    abstract TestDatabase open();

    @BeforeEach
    void openDatabase() {
        database = open();
        dataSource = database.newDataSource();
    }

    @AfterEach
    void closeDatabase() {
        if (database != null) {
            database.close();
        }
    }

    /** What the stores read for the keys written below: one list to compare before and after. */
    private List<Object> everything() {
        List<Object> read = new ArrayList<>();
        read.add(JdbcWarrantyStores.coverageLedger(dataSource).entries(GRANTED));
        read.add(JdbcWarrantyStores.orders(dataSource).placedBy(ALICE));
        read.add(JdbcWarrantyStores.ownership(dataSource).owner(GRANTED));
        read.add(JdbcWarrantyStores.ownership(dataSource).transferredTo(BOB));
        read.add(JdbcWarrantyStores.upgradeRequests(dataSource).pending(PENDING));
        read.add(JdbcWarrantyStores.upgradeRequests(dataSource).onlineSince(GRANTED));
        read.add(JdbcWarrantyStores.codeVault(dataSource).campaign("SPRING"));
        read.add(JdbcWarrantyStores.codeVault(dataSource).campaignUse("SPRING", GRANTED));
        read.add(JdbcWarrantyStores.codeVault(dataSource).batch("B-1"));
        read.add(JdbcWarrantyStores.codeVault(dataSource).code("h1"));
        read.add(JdbcWarrantyStores.codeAttempts(dataSource).failuresAfter(ALICE, Instant.EPOCH));
        read.add(JdbcWarrantyStores.certificates(dataSource).issuedFor(GRANTED));
        return read;
    }

    @Test
    void migratingAV6DatabaseToV7KeepsEveryRowAndTheFirstSwapWorks() throws Exception {
        Flyway.configure(JdbcWarrantyStores.class.getClassLoader()).dataSource(dataSource)
                .locations(JdbcWarrantyStores.MIGRATIONS).table(JdbcWarrantyStores.HISTORY_TABLE)
                .baselineOnMigrate(true).baselineVersion("0").target("6").load().migrate();
        // Written through the stores that exist at V6 (a service needs the replacement store).
        List<LedgerEntry> granted = List.of(
                StoreContract.entry(CoverageKind.STANDARD, LocalDate.of(2023, 5, 2), LocalDate.of(2028, 5, 1),
                        "standard warranty", T0),
                StoreContract.entry(CoverageKind.UPGRADE, LocalDate.of(2028, 5, 2), LocalDate.of(2033, 5, 1),
                        "online upgrade", T0));
        assertThat(JdbcWarrantyStores.coverageLedger(dataSource).append(GRANTED, 0, granted)).isTrue();
        Order order = StoreContract.order("O-1", ALICE, "key-1", T0);
        assertThat(JdbcWarrantyStores.orders(dataSource).placeIfAbsent(order)).isEqualTo(order);
        assertThat(JdbcWarrantyStores.ownership(dataSource).transfer(GRANTED, Optional.empty(), ALICE, BOB, T0))
                .isTrue();
        assertThat(JdbcWarrantyStores.upgradeRequests(dataSource).addIfAbsent(new UpgradeRequest(PENDING, ALICE, T0)))
                .isTrue();
        JdbcWarrantyStores.upgradeRequests(dataSource).recordOnline(GRANTED, T0);
        JdbcWarrantyStores.codeVault(dataSource).addCampaign(Campaign.of("SPRING", LocalDate.of(2026, 1, 1),
                LocalDate.of(2026, 6, 30), 5, 12));
        JdbcWarrantyStores.codeVault(dataSource).reserve("SPRING", new CodeUse(GRANTED, BOB, T0));
        JdbcWarrantyStores.codeVault(dataSource).addBatch(new CodeBatch("B-1", "X1-HYBRID-G4", 2,
                LocalDate.of(2027, 1, 1), 2, T0), List.of("h1", "h2"));
        JdbcWarrantyStores.codeVault(dataSource).claim("h1", new CodeUse(GRANTED, BOB, T0));
        JdbcWarrantyStores.codeAttempts(dataSource).recordFailure(ALICE, T0, Instant.EPOCH);
        CertificateSigner signer = CertificateSigner.ed25519(KeyPairGenerator.getInstance("Ed25519").generateKeyPair());
        Certificate certificate = Certificate.issue(ScopeMigrationContract.wellFormedNumber("WK-20260301-M1GR8-V6V6"),
                GRANTED, "X1-HYBRID-G4", BOB, granted.stream().map(LedgerEntry::coverage).toList(), T0, "test-1",
                signer);
        assertThat(JdbcWarrantyStores.certificates(dataSource).add(certificate)).isTrue();
        List<Object> before = everything();
        assertThat(before).as("every part written").doesNotContain(Optional.empty(), List.of());

        assertThat(JdbcWarrantyStores.migrate(dataSource)).as("V7 only").isEqualTo(1);

        assertThat(everything()).isEqualTo(before);
        WarrantyService service = JdbcWarrantyStores.configure(WarrantyService.builder(), dataSource)
                .rules(new TestPolicy()).clock(Clock.fixed(NOW, ZoneOffset.UTC)).codePepper(new byte[32])
                .devices(InMemoryDeviceRegistry.of(List.of(device(GRANTED.value()).build(),
                        device(PENDING.value()).offline().build(), device(FRESH.value()).build()))).build();
        WarrantyView upgraded = service.inquire(GRANTED);
        assertThat(upgraded.state()).isEqualTo(WarrantyState.UPGRADED);
        assertThat(upgraded.coverages()).isEqualTo(granted.stream().map(LedgerEntry::coverage).toList());
        assertThat(upgraded.replacedBy()).isEmpty();

        WarrantyView replacement = service.replaceDevice(GRANTED.value(), FRESH.value(), LocalDate.of(2026, 11, 20));

        assertThat(replacement.coverages()).extracting(Coverage::kind)
                .containsExactly(CoverageKind.STANDARD, CoverageKind.UPGRADE);
        assertThat(service.inquire(GRANTED).replacedBy()).contains(FRESH.value());
        assertThat(JdbcWarrantyStores.replacements(dataSource).replacing(FRESH)).isPresent();
    }
}
