package org.warrantykit.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.warrantykit.fixtures.Fixtures.ALICE;
import static org.warrantykit.fixtures.Fixtures.device;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.warrantykit.Category;
import org.warrantykit.Coverage;
import org.warrantykit.CoverageKind;
import org.warrantykit.DeviceReplacedException;
import org.warrantykit.Order;
import org.warrantykit.OrderState;
import org.warrantykit.ReplacementRefusedException;
import org.warrantykit.SerialNumber;
import org.warrantykit.UnknownDeviceException;
import org.warrantykit.WarrantyService;
import org.warrantykit.WarrantyState;
import org.warrantykit.WarrantyView;
import org.warrantykit.fixtures.MutableClock;
import org.warrantykit.fixtures.TestPolicy;
import org.warrantykit.memory.InMemoryDeviceRegistry;
import org.warrantykit.spi.LedgerEntry;
import org.warrantykit.spi.Replacement;

/**
 * Device swaps (RMA) through a service on a database (subclasses pick it): the replacement carries
 * the faulty unit's lines from the day of the swap, the faulty unit's warranty ends the day before,
 * the views as of an earlier day show the old picture, a refusal writes nothing, and all of it is
 * what another instance on the same database reads.
 */
abstract class ReplacementContract {
    static final Instant NOW = Instant.parse("2026-11-27T10:00:00Z");
    static final LocalDate TODAY = LocalDate.of(2026, 11, 27);
    /** Alice's X1-HYBRID-G4, installed 2023-05-02: standard to 2028-05-01, upgrade to 2033-05-01. */
    static final String FAULTY = "RMAFAULTY0001";
    /** Unowned, installed the day it went in: its own standard would run 2026-11-20 to 2031-11-19. */
    static final String REPLACEMENT = "RMAREPLACE001";
    static final String PLAIN = "RMAFAULTY0002";
    static final String BATTERY = "RMABATTERY001";
    static final String CHAIN_A = "RMACHAINA0001";
    static final String CHAIN_B = "RMACHAINB0001";
    static final String CHAIN_C = "RMACHAINC0001";
    static final String SPARE = "RMASPARE00001";

    TestDatabase database;
    DataSource dataSource;
    MutableClock clock;
    InMemoryDeviceRegistry registry;
    WarrantyService service;
    JdbcCoverageLedger ledger;
    JdbcReplacementStore swaps;

    abstract TestDatabase open();

    @BeforeEach
    void openDatabase() {
        database = open();
        dataSource = database.newDataSource();
        JdbcWarrantyStores.migrate(dataSource);
        clock = new MutableClock(NOW);
        registry = InMemoryDeviceRegistry.of(List.of(device(FAULTY).build(),
                device(REPLACEMENT).unowned().installed(LocalDate.of(2026, 11, 20)).build(),
                device(PLAIN).build(), device(BATTERY).category(Category.BATTERY).model("B1-STACK").build(),
                device(CHAIN_A).build(), device(CHAIN_B).build(), device(CHAIN_C).build(), device(SPARE).build()));
        service = service(dataSource);
        ledger = JdbcWarrantyStores.coverageLedger(dataSource);
        swaps = JdbcWarrantyStores.replacements(dataSource);
    }

    @AfterEach
    void closeDatabase() {
        if (database != null) {
            database.close();
        }
    }

    WarrantyService service(DataSource on) {
        return JdbcWarrantyStores.configure(WarrantyService.builder(), on).rules(new TestPolicy()).devices(registry)
                .clock(clock).codePepper(new byte[32]).build();
    }

    List<LedgerEntry> entries(String serial) {
        return ledger.entries(new SerialNumber(serial));
    }

    @Test
    void theReplacementCarriesTheRemainingLinesAndTheFaultyUnitsWarrantyEndsTheDayBefore() throws Exception {
        service.requestUpgrade(ALICE, FAULTY);
        Order paid = service.purchase(ALICE, FAULTY, "EXT-60M", "key-1");
        service.confirmPayment(paid.orderId(), "pay-1");
        WarrantyView faultyBefore = service.inquire(FAULTY);
        WarrantyView replacementBefore = service.inquire(REPLACEMENT);
        List<LedgerEntry> faultyLedger = entries(FAULTY);
        assertThat(faultyBefore.coverages()).extracting(Coverage::kind)
                .containsExactly(CoverageKind.STANDARD, CoverageKind.UPGRADE, CoverageKind.EXTENSION);
        clock.advance(Duration.ofDays(1)); // the swap of 2026-11-20 is recorded on 2026-11-28
        LocalDate on = LocalDate.of(2026, 11, 20);

        WarrantyView replacement = service.replaceDevice(FAULTY, REPLACEMENT.toLowerCase(java.util.Locale.ROOT), on);

        List<Coverage> carried = new ArrayList<>(faultyBefore.coverages());
        Coverage standard = carried.get(0);
        carried.set(0, new Coverage(standard.kind(), on, standard.end(), standard.source(), standard.covers()));
        assertThat(replacement.serial().value()).isEqualTo(REPLACEMENT);
        assertThat(replacement.coverages()).as("kinds, sources and scopes kept, the first line from the swap on")
                .isEqualTo(carried);
        assertThat(replacement.state()).isEqualTo(WarrantyState.EXTENDED);
        assertThat(replacement.replaces()).contains(FAULTY);
        assertThat(replacement.replacedBy()).isEmpty();
        assertThat(service.inquire(REPLACEMENT)).as("what the swap returned is what an inquiry reads")
                .isEqualTo(replacement);

        WarrantyView faulty = service.inquire(FAULTY);
        assertThat(faulty.state()).isEqualTo(WarrantyState.REPLACED);
        assertThat(faulty.replacedBy()).contains(REPLACEMENT);
        assertThat(faulty.replaces()).isEmpty();
        assertThat(faulty.coverages()).containsExactly(new Coverage(CoverageKind.STANDARD, standard.start(),
                on.minusDays(1), standard.source(), standard.covers()));
        assertThat(faulty.actions()).isEmpty();

        // the database: one swap, the faulty unit's ledger as it was, the replacement's the carried lines
        Instant recordedAt = Jdbc.stored(clock.instant());
        assertThat(swaps.replacementOf(new SerialNumber(FAULTY)))
                .contains(new Replacement(new SerialNumber(FAULTY), new SerialNumber(REPLACEMENT), on, recordedAt));
        assertThat(rows("SELECT faulty_serial, replacement_serial, replaced_on FROM wk_replacement"))
                .containsExactly(FAULTY + " " + REPLACEMENT + " " + on);
        assertThat(entries(FAULTY)).isEqualTo(faultyLedger);
        List<LedgerEntry> replacementLedger = entries(REPLACEMENT);
        assertThat(replacementLedger).extracting(LedgerEntry::coverage).isEqualTo(carried);
        assertThat(replacementLedger).extracting(LedgerEntry::trace)
                .isEqualTo(faultyLedger.stream().map(LedgerEntry::trace).toList());
        assertThat(replacementLedger).extracting(LedgerEntry::recordedAt).containsOnly(recordedAt);

        // as of the day before the swap was recorded: the old picture on both
        assertThat(service.inquireAsOf(FAULTY, TODAY)).isEqualTo(faultyBefore);
        assertThat(service.inquireAsOf(REPLACEMENT, TODAY)).isEqualTo(replacementBefore);
        assertThat(replacementBefore.coverages()).extracting(Coverage::start, Coverage::end)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(on, LocalDate.of(2031, 11, 19)));

        // the replacement is the owner's now; the faulty unit takes no more grants
        assertThat(service.devices(ALICE)).extracting(v -> v.serial().value()).contains(REPLACEMENT);
        assertThatThrownBy(() -> service.offers(ALICE, FAULTY)).isInstanceOf(DeviceReplacedException.class)
                .hasMessage("Device RMAFAULTY0001 was replaced by RMAREPLACE001 on 2026-11-20; its warranty continues "
                        + "on RMAREPLACE001, so use that serial number");
        // another instance on the same database reads the same
        WarrantyService restarted = service(database.newDataSource());
        assertThat(restarted.inquire(FAULTY)).isEqualTo(faulty);
        assertThat(restarted.inquire(REPLACEMENT)).isEqualTo(service.inquire(REPLACEMENT));
    }

    @Test
    void anOrderOfTheFaultyUnitPaidAfterTheSwapExtendsTheReplacement() {
        // WarrantyService.replaceDevice: "An order of the faulty unit still awaiting payment extends the
        // replacement once paid."
        service.requestUpgrade(ALICE, FAULTY);
        Order pending = service.purchase(ALICE, FAULTY, "EXT-60M", "key-1");
        List<LedgerEntry> faultyLedger = entries(FAULTY);
        clock.advance(Duration.ofDays(1));
        service.replaceDevice(FAULTY, REPLACEMENT, LocalDate.of(2026, 11, 20));

        assertThat(service.confirmPayment(pending.orderId(), "pay-1").state()).isEqualTo(OrderState.PAID);

        assertThat(entries(FAULTY)).as("nothing granted to the replaced unit").isEqualTo(faultyLedger);
        assertThat(entries(REPLACEMENT)).extracting(e -> e.coverage().kind())
                .containsExactly(CoverageKind.STANDARD, CoverageKind.UPGRADE, CoverageKind.EXTENSION);
        Coverage extension = entries(REPLACEMENT).get(2).coverage();
        assertThat(extension.source()).isEqualTo(pending.coverageSource());
        assertThat(extension.start()).as("after the carried upgrade").isEqualTo(LocalDate.of(2033, 5, 2));
        assertThat(extension.end()).isEqualTo(LocalDate.of(2038, 5, 1));
    }

    @Test
    void aChainFreezesTheFirstUnitsStandardTermAndEachUnitEndsTheDayBeforeItsSwap() throws Exception {
        LocalDate first = LocalDate.of(2026, 11, 1);
        WarrantyView b = service.replaceDevice(CHAIN_A, CHAIN_B, first);
        LedgerEntry frozen = entries(CHAIN_A).get(0);
        assertThat(entries(CHAIN_A)).as("a unit with nothing granted has its standard term frozen").hasSize(1);
        assertThat(frozen.coverage()).extracting(Coverage::kind, Coverage::start, Coverage::end)
                .containsExactly(CoverageKind.STANDARD, LocalDate.of(2023, 5, 2), LocalDate.of(2028, 5, 1));
        assertThat(b.coverages()).extracting(Coverage::kind, Coverage::start, Coverage::end)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(CoverageKind.STANDARD, first,
                        LocalDate.of(2028, 5, 1)));
        assertThat(b.state()).isEqualTo(WarrantyState.STANDARD);

        clock.advance(Duration.ofDays(10));
        LocalDate second = LocalDate.of(2026, 12, 5);
        WarrantyView c = service.replaceDevice(CHAIN_B, CHAIN_C, second);

        assertThat(c.replaces()).contains(CHAIN_B);
        assertThat(c.coverages()).extracting(Coverage::start, Coverage::end)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(second, LocalDate.of(2028, 5, 1)));
        WarrantyView middle = service.inquire(CHAIN_B);
        assertThat(middle.state()).isEqualTo(WarrantyState.REPLACED);
        assertThat(middle.replaces()).contains(CHAIN_A);
        assertThat(middle.replacedBy()).contains(CHAIN_C);
        assertThat(middle.coverages()).extracting(Coverage::start, Coverage::end)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(first, second.minusDays(1)));
        assertThat(entries(CHAIN_B)).as("not frozen again: it had its carried line").hasSize(1);
        assertThat(service.inquire(CHAIN_A).coverages()).extracting(Coverage::start, Coverage::end)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(LocalDate.of(2023, 5, 2), first.minusDays(1)));
        assertThat(service.inquire(CHAIN_A).replacedBy()).contains(CHAIN_B);
        assertThat(service.inquireAsOf(CHAIN_B, TODAY)).as("before the second swap was recorded").isEqualTo(b);

        assertRefused(CHAIN_A, SPARE, second, "it was already replaced by RMACHAINB0001 on 2026-11-01.");
        assertRefused(SPARE, CHAIN_B, second, "RMACHAINB0001 was itself replaced by RMACHAINC0001 on 2026-12-05; "
                + "only a unit in service can take over a warranty.");
        assertRefused(SPARE, CHAIN_C, second, "RMACHAINC0001 already replaced RMACHAINB0001 on 2026-12-05 and "
                + "carries that warranty.");
        assertRefused(SPARE, CHAIN_A, second, "RMACHAINA0001 was itself replaced by RMACHAINB0001 on 2026-11-01; "
                + "only a unit in service can take over a warranty.");
        assertThat(rows("SELECT faulty_serial, replacement_serial FROM wk_replacement ORDER BY replaced_on"))
                .containsExactly(CHAIN_A + " " + CHAIN_B, CHAIN_B + " " + CHAIN_C);
        assertThat(entries(SPARE)).isEmpty();
    }

    private void assertRefused(String faulty, String replacement, LocalDate on, String reason) {
        assertThatThrownBy(() -> service.replaceDevice(faulty, replacement, on))
                .isInstanceOf(ReplacementRefusedException.class)
                .hasMessage("Device " + faulty + " cannot be replaced by " + replacement + ": " + reason)
                .satisfies(e -> assertThat(((ReplacementRefusedException) e).reason()).isEqualTo(reason));
    }

    @Test
    void aRefusedSwapWritesNothingForEitherDevice() throws Exception {
        WarrantyView plain = service.inquire(PLAIN);
        WarrantyView battery = service.inquire(BATTERY);
        LocalDate on = LocalDate.of(2026, 11, 20);

        assertRefused(PLAIN, BATTERY, on, "RMABATTERY001 is of category BATTERY, the faulty unit of INVERTER; only a unit of the "
                + "same category can take over its warranty.");
        assertRefused(PLAIN, SPARE, LocalDate.of(2023, 5, 1), "the faulty unit is not covered on 2023-05-01 (its "
                + "warranty runs from 2023-05-02 to 2028-05-01).");
        assertRefused(PLAIN, SPARE, LocalDate.of(2023, 5, 2), "its warranty starts on 2023-05-02, so nothing of it "
                + "would remain; a unit swapped on its first day is recorded as the installed unit in the supply data "
                + "instead.");
        service.requestUpgrade(ALICE, SPARE);
        assertRefused(PLAIN, SPARE, on, "RMASPARE00001 has warranty grants of its own; only a unit with nothing "
                + "granted can take over another's warranty.");
        assertRefused(PLAIN, PLAIN, on, "a device cannot replace itself.");
        assertThatThrownBy(() -> service.replaceDevice(PLAIN, "RMAUNKNOWN0001", on))
                .isInstanceOf(UnknownDeviceException.class);
        assertThatThrownBy(() -> service.replaceDevice(PLAIN, SPARE, TODAY.plusDays(1)))
                .isInstanceOf(org.warrantykit.InvalidValueException.class);

        assertThat(rows("SELECT faulty_serial FROM wk_replacement")).isEmpty();
        assertThat(rows("SELECT serial FROM wk_coverage WHERE serial IN ('" + PLAIN + "', '" + BATTERY + "')"))
                .as("no standard term frozen, nothing carried").isEmpty();
        assertThat(service.inquire(PLAIN)).isEqualTo(plain);
        assertThat(service.inquire(BATTERY)).isEqualTo(battery);
        assertThat(service.replaceDevice(PLAIN, REPLACEMENT, on).replaces()).as("the devices are free")
                .contains(PLAIN);
    }

    List<String> rows(String sql) throws Exception {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement();
             ResultSet rows = s.executeQuery(sql)) {
            List<String> values = new ArrayList<>();
            int columns = rows.getMetaData().getColumnCount();
            while (rows.next()) {
                List<String> row = new ArrayList<>();
                for (int i = 1; i <= columns; i++) {
                    row.add(rows.getString(i));
                }
                values.add(String.join(" ", row));
            }
            return values;
        }
    }
}
