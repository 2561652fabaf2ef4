package org.warrantykit.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.warrantykit.AccountId;
import org.warrantykit.Coverage;
import org.warrantykit.CoverageKind;
import org.warrantykit.CoverageSource;
import org.warrantykit.Covered;
import org.warrantykit.DecisionTrace;
import org.warrantykit.Money;
import org.warrantykit.Order;
import org.warrantykit.OrderId;
import org.warrantykit.OrderLine;
import org.warrantykit.OrderState;
import org.warrantykit.SerialNumber;
import org.warrantykit.spi.LedgerEntry;

/**
 * The fired rules column: names that a naive encoding would split or mangle round-trip, and V4
 * converts rows written in V1's length-prefixed form. Subclasses pick the database.
 */
abstract class FiredRulesContract {
    static final SerialNumber SN = new SerialNumber("FIRED0000001");
    static final Instant T0 = Instant.parse("2026-03-01T10:15:30.123456Z");
    /** Names with every character a list encoding can trip over, and the empty name. */
    static final List<String> AWKWARD = List.of("rule: a, b", "\"quoted\" and 'single'", "[brackets] {braces}",
            "back\\slash \\\" \\u0041", "Příliš žluťoučký kůň úpěl ďábelské ódy", "", "12:colons:", "tab\tnew\nline\u0001",
            "emoji \uD83D\uDE00", "]", "\"", "\\");

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
        if (database != null) { // null when open() skipped the test (no PostgreSQL configured)
            database.close();
        }
    }

    static LedgerEntry entry(int n, List<String> fired) {
        return entry(n, fired, true);
    }

    /**
     * Line {@code n}: the standard line, then upgrades, each covering what the default policy grants
     * outside the transport regions; {@code scopeRecorded} false as a line written before V6 reads.
     */
    static LedgerEntry entry(int n, List<String> fired, boolean scopeRecorded) {
        LocalDate start = LocalDate.of(2024, 1, 1).plusYears(5L * n);
        CoverageKind kind = n == 0 ? CoverageKind.STANDARD : CoverageKind.UPGRADE;
        return new LedgerEntry(new Coverage(kind, start, start.plusYears(5).minusDays(1),
                CoverageSource.parse("source " + n), Covered.grantedBeforeScopes(kind, "")),
                new DecisionTrace("v1", fired), T0, scopeRecorded);
    }

    static Order order(List<String> first, List<String> second) {
        return order(first, second, Covered.scope(Covered.PARTS, Covered.LABOUR));
    }

    /** An order whose two lines cover {@code covers} (empty: placed before V6). */
    static Order order(List<String> first, List<String> second, Set<Covered> covers) {
        OrderLine a = new OrderLine(SN, "EXT-60M", 60, Money.of("200", "EUR"), new DecisionTrace("v1", first), covers);
        OrderLine b = new OrderLine(new SerialNumber("FIRED0000002"), "EXT-120M", 120, Money.of("400", "EUR"),
                new DecisionTrace("v1", second), covers);
        return new Order(new OrderId("O-1"), AccountId.of("alice"), "key-1", OrderState.PENDING_PAYMENT, List.of(a, b),
                Money.of("600", "EUR"), T0, T0.plusSeconds(86_400), Optional.empty(), Optional.empty());
    }

    @Test
    void awkwardNamesAndEmptyListsRoundTrip() {
        JdbcWarrantyStores.migrate(dataSource);
        JdbcCoverageLedger ledger = JdbcWarrantyStores.coverageLedger(dataSource);
        List<LedgerEntry> entries = new ArrayList<>();
        entries.add(entry(0, AWKWARD));
        entries.add(entry(1, List.of()));
        entries.add(entry(2, List.of("")));
        for (String name : AWKWARD) {
            entries.add(entry(entries.size(), List.of(name, name)));
        }
        assertThat(ledger.append(SN, 0, entries)).isTrue();
        assertThat(ledger.entries(SN)).containsExactlyElementsOf(entries);

        JdbcOrderStore orders = JdbcWarrantyStores.orders(dataSource);
        Order order = order(AWKWARD, List.of());
        orders.placeIfAbsent(order);
        assertThat(orders.find(new OrderId("O-1"))).contains(order);
    }

    @Test
    void rowsInTheLengthPrefixedFormAreConvertedToJsonArrays() throws SQLException {
        migrateTo("3");
        List<List<String>> lists = List.of(AWKWARD, List.of(), List.of(""), List.of("rule: a", "rule with 12:colons:", ""));
        for (int seq = 0; seq < lists.size(); seq++) {
            insertV3LedgerRow(seq, lengthPrefixed(lists.get(seq)));
        }
        Order order = order(AWKWARD, List.of(), Set.of()); // placed before V6: its lines hold no scope
        insertV3Order(order);

        assertThat(JdbcWarrantyStores.migrate(dataSource)).as("V4 onwards: V1 to V3 are in place")
                .isEqualTo(JdbcWarrantyStoresTestSupport.LATER_MIGRATIONS - 2);

        List<LedgerEntry> expected = new ArrayList<>();
        for (int seq = 0; seq < lists.size(); seq++) {
            expected.add(entry(seq, lists.get(seq), false));
        }
        assertThat(JdbcWarrantyStores.coverageLedger(dataSource).entries(SN)).containsExactlyElementsOf(expected);
        assertThat(JdbcWarrantyStores.orders(dataSource).find(new OrderId("O-1"))).contains(order);
        assertThatThrownBy(() -> insertV3LedgerRow(lists.size(), lengthPrefixed(List.of("late"))))
                .as("an instance still writing the old form is refused").isInstanceOf(SQLException.class);
        assertThat(JdbcWarrantyStores.coverageLedger(dataSource).entries(SN)).hasSize(lists.size());
    }

    @Test
    void aRowInNeitherFormStopsTheMigration() throws SQLException {
        migrateTo("3");
        insertV3LedgerRow(0, "7:too short");

        assertThatThrownBy(() -> JdbcWarrantyStores.migrate(dataSource))
                .hasStackTraceContaining("wk_coverage row (" + SN.value() + ", 0)");
    }

    private void migrateTo(String version) {
        Flyway.configure(JdbcWarrantyStores.class.getClassLoader()).dataSource(dataSource)
                .locations(JdbcWarrantyStores.MIGRATIONS).table(JdbcWarrantyStores.HISTORY_TABLE)
                .baselineOnMigrate(true).baselineVersion("0").target(version).load().migrate();
    }

    private void insertV3LedgerRow(int seq, String firedRules) throws SQLException {
        LedgerEntry e = entry(seq, List.of());
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement("INSERT INTO "
                + "wk_coverage (serial, seq, " + JdbcCoverageLedger.COLUMNS_BEFORE_SCOPES + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            s.setString(1, SN.value());
            s.setInt(2, seq);
            s.setString(3, e.coverage().kind().name());
            s.setObject(4, e.coverage().start());
            s.setObject(5, e.coverage().end());
            s.setString(6, e.coverage().source().toString());
            s.setString(7, e.trace().ruleSetVersion());
            s.setString(8, firedRules);
            Jdbc.setInstant(s, 9, e.recordedAt());
            s.executeUpdate();
        }
    }

    /** Inserts {@code order} as V1 to V3 stored it: the fired rules of its lines length-prefixed. */
    private void insertV3Order(Order order) throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            try (PreparedStatement s = c.prepareStatement("INSERT INTO wk_order (order_id, account_id, "
                    + "idempotency_key, state, total_amount, currency, created_at, pay_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
                s.setString(1, order.orderId().value());
                s.setString(2, order.account().value());
                s.setString(3, order.idempotencyKey());
                s.setString(4, order.state().name());
                s.setBigDecimal(5, order.total().amount());
                s.setString(6, order.total().currency().getCurrencyCode());
                Jdbc.setInstant(s, 7, order.createdAt());
                Jdbc.setInstant(s, 8, order.payBy());
                s.executeUpdate();
            }
            try (PreparedStatement s = c.prepareStatement("INSERT INTO wk_order_line (order_id, line_no, serial, "
                    + "offer_id, months, price_amount, currency, rule_set_version, fired_rules) "
                    + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                int lineNo = 0;
                for (OrderLine line : order.lines()) {
                    s.setString(1, order.orderId().value());
                    s.setInt(2, lineNo++);
                    s.setString(3, line.serial().value());
                    s.setString(4, line.offerId());
                    s.setInt(5, line.months());
                    s.setBigDecimal(6, line.price().amount());
                    s.setString(7, line.price().currency().getCurrencyCode());
                    s.setString(8, line.pricedBy().ruleSetVersion());
                    s.setString(9, lengthPrefixed(line.pricedBy().firedRules()));
                    s.executeUpdate();
                }
            }
        }
    }

    /** The form V1 to V3 stored: each name as its length, a colon, and its characters. */
    static String lengthPrefixed(List<String> names) {
        StringBuilder out = new StringBuilder();
        for (String name : names) {
            out.append(name.length()).append(':').append(name);
        }
        return out.toString();
    }
}
