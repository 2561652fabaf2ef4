package org.warrantykit.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.warrantykit.fixtures.Fixtures.ALICE;
import static org.warrantykit.fixtures.Fixtures.device;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.warrantykit.ClaimCheck;
import org.warrantykit.Coverage;
import org.warrantykit.CoverageKind;
import org.warrantykit.Covered;
import org.warrantykit.UpgradeStatus;
import org.warrantykit.WarrantyService;
import org.warrantykit.fixtures.MutableClock;
import org.warrantykit.fixtures.TestPolicy;
import org.warrantykit.memory.InMemoryDeviceRegistry;

/**
 * Claim checks read the scopes and swaps the database holds (issue 17): a second service instance on
 * the same database gives the same answers. Subclasses pick the database.
 */
abstract class ClaimCheckContract {
    /** An X1 inverter in DE installed 2023-05-02: standard to 2028-05-01 with transport, upgrade to 2033-05-01. */
    static final String INVERTER = "CLAIMDE00001";
    static final String SPARE = "CLAIMSPARE01";
    static final Instant NOW = Instant.parse("2026-11-27T10:00:00Z");
    static final Set<Covered> WITH_TRANSPORT = Covered.scope(Covered.PARTS, Covered.LABOUR, Covered.TRANSPORT);

    TestDatabase database;
    DataSource dataSource;
    final MutableClock clock = new MutableClock(NOW);

    abstract TestDatabase open();

    @BeforeEach
    void openDatabase() {
        database = open();
        dataSource = database.newDataSource();
        JdbcWarrantyStores.migrate(dataSource);
    }

    @AfterEach
    void closeDatabase() {
        if (database != null) {
            database.close();
        }
    }

    WarrantyService service() {
        return JdbcWarrantyStores.configure(WarrantyService.builder(), dataSource).rules(new TestPolicy())
                .codePepper(new byte[32]).clock(clock).devices(InMemoryDeviceRegistry.of(List.of(
                        device(INVERTER).model("X1-HYBRID-G4").region("DE").installed(LocalDate.of(2023, 5, 2)).build(),
                        device(SPARE).model("X1-BOOST").unowned().neverInstalled().produced(LocalDate.of(2026, 6, 1))
                                .build()))).build();
    }

    static Optional<CoverageKind> kind(ClaimCheck check) {
        return check.coverage().map(Coverage::kind);
    }

    @Test
    void eachFailureDayIsJudgedByTheStoredLineInForceAndItsScope() {
        assertThat(service().requestUpgrade(ALICE, INVERTER).status()).isEqualTo(UpgradeStatus.UPGRADED);
        clock.set(Instant.parse("2034-06-01T10:00:00Z"));
        WarrantyService another = service(); // reads only what the database holds

        ClaimCheck standard = another.claimCheck(INVERTER, LocalDate.of(2027, 3, 1));
        assertThat(kind(standard)).contains(CoverageKind.STANDARD);
        assertThat(standard.covers()).isEqualTo(WITH_TRANSPORT);
        ClaimCheck upgrade = another.claimCheck(INVERTER, LocalDate.of(2030, 3, 1));
        assertThat(kind(upgrade)).contains(CoverageKind.UPGRADE);
        assertThat(upgrade.covers()).containsExactly(Covered.PARTS);
        assertThat(upgrade.reason()).isEqualTo("Covered on 2030-03-01 by the upgrade term (online upgrade, 2028-05-02 "
                + "to 2033-05-01): parts only; labour and transport are not covered.");
        ClaimCheck ended = another.claimCheck(INVERTER, LocalDate.of(2034, 1, 2));
        assertThat(ended.covered()).isFalse();
        assertThat(ended.reason()).isEqualTo("Not covered: the warranty ended on 2033-05-01, before the failure on "
                + "2034-01-02.");
        assertThat(another.claimCheck(INVERTER, LocalDate.of(2023, 5, 1)).reason())
                .isEqualTo("Not covered: the warranty had not started on 2023-05-01 (it starts 2023-05-02).");
    }

    @Test
    void aSwapRecordedByOneInstanceMovesTheClaimsForTheOther() {
        WarrantyService desk = service();
        assertThat(desk.requestUpgrade(ALICE, INVERTER).status()).isEqualTo(UpgradeStatus.UPGRADED);
        desk.replaceDevice(INVERTER, SPARE, LocalDate.of(2026, 11, 20));
        WarrantyService another = service();

        ClaimCheck old = another.claimCheck(INVERTER, LocalDate.of(2026, 11, 25));
        assertThat(old.covered()).isFalse();
        assertThat(old.reason()).isEqualTo("Not covered on this unit: it was replaced by CLAIMSPARE01 on 2026-11-20; "
                + "claims from that day go to CLAIMSPARE01.");
        assertThat(kind(another.claimCheck(INVERTER, LocalDate.of(2026, 11, 19)))).contains(CoverageKind.STANDARD);
        ClaimCheck spare = another.claimCheck(SPARE, LocalDate.of(2026, 11, 25));
        assertThat(kind(spare)).contains(CoverageKind.STANDARD);
        assertThat(spare.covers()).as("the line's scope moved with it").isEqualTo(WITH_TRANSPORT);
    }
}
