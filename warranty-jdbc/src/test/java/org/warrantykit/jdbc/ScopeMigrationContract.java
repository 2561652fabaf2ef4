package org.warrantykit.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.warrantykit.fixtures.Fixtures.ALICE;
import static org.warrantykit.fixtures.Fixtures.device;

import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.warrantykit.Certificate;
import org.warrantykit.CertificateSigner;
import org.warrantykit.Coverage;
import org.warrantykit.CoverageKind;
import org.warrantykit.CoverageSource;
import org.warrantykit.Covered;
import org.warrantykit.DecisionTrace;
import org.warrantykit.Device;
import org.warrantykit.Order;
import org.warrantykit.OrderId;
import org.warrantykit.OrderLine;
import org.warrantykit.OrderState;
import org.warrantykit.SerialNumber;
import org.warrantykit.WarrantyService;
import org.warrantykit.fixtures.TestPolicy;
import org.warrantykit.memory.InMemoryDeviceRegistry;
import org.warrantykit.spi.LedgerEntry;

/**
 * V6 on a database written before scopes existed: the lines granted, ordered and certified then keep
 * what the default policy granted (transport in DE, not in AU; upgrades parts only), and lines
 * granted afterwards are stored with their scope. Subclasses pick the database.
 */
abstract class ScopeMigrationContract {
    static final SerialNumber DE = new SerialNumber("SCOPEDE00001");
    static final SerialNumber AU = new SerialNumber("SCOPEAU00001");
    static final Instant RECORDED = Instant.parse("2025-02-03T04:05:06.123456Z");
    static final Instant NOW = Instant.parse("2026-11-27T10:15:30Z");
    static final Set<Covered> PLT = Covered.scope(Covered.PARTS, Covered.LABOUR, Covered.TRANSPORT);
    static final Set<Covered> PL = Covered.scope(Covered.PARTS, Covered.LABOUR);
    static final Set<Covered> P = Covered.scope(Covered.PARTS);
    static final DecisionTrace LEGACY_TRACE = new DecisionTrace("test-0", List.of("legacy rule"));
    static final OrderId LEGACY_ORDER = new OrderId("O-LEGACY-1");

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

    /** A legacy line: what V1 to V5 stored (no scope). */
    record Line(CoverageKind kind, LocalDate start, LocalDate end, String source) {
        Coverage covering(Set<Covered> covers) {
            return new Coverage(kind, start, end, CoverageSource.parse(source), covers);
        }
    }

    /** Standard (installed 2023-05-02, five years), the free upgrade (five more), an extension bought then. */
    static List<Line> legacyLedger(String extensionSource) {
        return List.of(new Line(CoverageKind.STANDARD, LocalDate.of(2023, 5, 2), LocalDate.of(2028, 5, 1),
                        "standard warranty"),
                new Line(CoverageKind.UPGRADE, LocalDate.of(2028, 5, 2), LocalDate.of(2033, 5, 1), "online upgrade"),
                new Line(CoverageKind.EXTENSION, LocalDate.of(2033, 5, 2), LocalDate.of(2038, 5, 1), extensionSource));
    }

    @Test
    void linesWrittenBeforeScopesKeepWhatWasGrantedAndNewLinesRecordTheirScope() throws Exception {
        migrate(Flyway.configure(JdbcWarrantyStores.class.getClassLoader()).target("5"));
        List<Line> deLines = legacyLedger("order O-2025-0001");
        List<Line> auLines = legacyLedger("extension batch B-20250101-GZJPU7");
        insertLegacyLedger(DE, deLines);
        insertLegacyLedger(AU, auLines);
        insertLegacyOrder();
        KeyPair keys = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        CertificateSigner signer = CertificateSigner.ed25519(keys);
        // As certificates were signed before scopes: format v1, no scope per line.
        List<Coverage> certified = deLines.stream()
                .map(l -> l.covering(Covered.grantedBeforeScopes(l.kind(), ""))).toList();
        Certificate legacyCertificate = signedBeforeScopes(wellFormedNumber("WK-20260601-7K3QD-M2X9"), DE,
                "X1-HYBRID-G4", certified, Instant.parse("2026-06-01T08:00:00Z"), "test-0", signer);
        insertLegacyCertificate(legacyCertificate);

        assertThat(JdbcWarrantyStores.migrate(dataSource)).as("V6 onwards: V1 to V5 are in place")
                .isEqualTo(JdbcWarrantyStoresTestSupport.LATER_MIGRATIONS - 4);

        // The stores: no region, so no transport; the lines say their scope was not recorded.
        JdbcCoverageLedger ledger = JdbcWarrantyStores.coverageLedger(dataSource);
        for (SerialNumber serial : List.of(DE, AU)) {
            List<Line> lines = serial.equals(DE) ? deLines : auLines;
            assertThat(ledger.entries(serial)).containsExactlyElementsOf(lines.stream().map(l -> new LedgerEntry(
                    l.covering(Covered.grantedBeforeScopes(l.kind(), "")), LEGACY_TRACE, RECORDED, false)).toList());
        }
        Order pending = JdbcWarrantyStores.orders(dataSource).find(LEGACY_ORDER).orElseThrow();
        assertThat(pending.lines()).extracting(OrderLine::covers).containsOnly(Set.of());
        JdbcCertificateStore certificates = JdbcWarrantyStores.certificates(dataSource);
        assertThat(certificates.find(legacyCertificate.number())).contains(legacyCertificate);

        // The service: the device's region decides transport, as the default policy granted it.
        Device de = device(DE.value()).build();
        Device au = device(AU.value()).region("AU").build();
        WarrantyService service = JdbcWarrantyStores.configure(WarrantyService.builder(), dataSource)
                .rules(new TestPolicy()).devices(InMemoryDeviceRegistry.of(List.of(de, au)))
                .clock(Clock.fixed(NOW, ZoneOffset.UTC)).codePepper(new byte[32]).certificateSigner(signer).build();
        assertThat(service.inquire(DE).coverages()).extracting(Coverage::covers).containsExactly(PLT, P, PLT);
        assertThat(service.inquire(AU).coverages()).extracting(Coverage::covers).containsExactly(PL, P, PL);
        assertThat(service.inquire(DE).coverages()).extracting(Coverage::start, Coverage::end, c -> c.source().toString())
                .containsExactlyElementsOf(deLines.stream().map(l -> org.assertj.core.groups.Tuple.tuple(l.start(), l.end(),
                        l.source())).toList());
        assertThat(service.certificateVerifier().verify(certificates.find(legacyCertificate.number()).orElseThrow()))
                .as("the v1 certificate still verifies").isTrue();

        // Paying the order placed before scopes grants what each device's standard line covers.
        assertThat(service.confirmPayment(LEGACY_ORDER, "pay-1").state()).isEqualTo(OrderState.PAID);
        LedgerEntry deBought = ledger.entries(DE).get(3);
        LedgerEntry auBought = ledger.entries(AU).get(3);
        assertThat(deBought.scopeRecorded()).isTrue();
        assertThat(deBought.coverage().covers()).isEqualTo(PLT);
        assertThat(deBought.coverage().start()).isEqualTo(LocalDate.of(2038, 5, 2));
        assertThat(auBought.scopeRecorded()).isTrue();
        assertThat(auBought.coverage().covers()).isEqualTo(PL);
        assertThat(storedCovers("SELECT covers FROM wk_coverage WHERE serial = ? ORDER BY seq", DE.value()))
                .as("the old lines are not rewritten").containsExactly(null, null, null, "PARTS,LABOUR,TRANSPORT");
        assertThat(storedCovers("SELECT covers FROM wk_coverage WHERE serial = ? ORDER BY seq", AU.value()))
                .containsExactly(null, null, null, "PARTS,LABOUR");
        assertThat(ledger.entries(DE).subList(0, 3)).extracting(LedgerEntry::scopeRecorded).containsOnly(false);
        assertThat(service.inquire(DE).coverages()).extracting(Coverage::covers).containsExactly(PLT, P, PLT, PLT);

        // A certificate issued now signs the scopes and is stored with them.
        Certificate issued = service.certificate(ALICE, DE);
        assertThat(issued.coverages()).extracting(Coverage::covers).containsExactly(PLT, P, PLT, PLT);
        assertThat(certificates.find(issued.number())).contains(issued);
        assertThat(storedCovers("SELECT covers FROM wk_certificate_coverage WHERE number = ? ORDER BY line_no",
                issued.number())).containsExactly("PARTS,LABOUR,TRANSPORT", "PARTS", "PARTS,LABOUR,TRANSPORT",
                "PARTS,LABOUR,TRANSPORT");
        assertThat(service.certificateVerifier().verify(certificates.find(issued.number()).orElseThrow())).isTrue();
        assertThat(certificates.issuedFor(DE)).containsExactly(legacyCertificate, issued);
    }

    private void migrate(org.flywaydb.core.api.configuration.FluentConfiguration flyway) {
        flyway.dataSource(dataSource).locations(JdbcWarrantyStores.MIGRATIONS).table(JdbcWarrantyStores.HISTORY_TABLE)
                .baselineOnMigrate(true).baselineVersion("0").load().migrate();
    }

    private void insertLegacyLedger(SerialNumber serial, List<Line> lines) throws SQLException {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement("INSERT INTO "
                + "wk_coverage (serial, seq, kind, start_date, end_date, source, rule_set_version, fired_rules, "
                + "recorded_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            for (int seq = 0; seq < lines.size(); seq++) {
                Line line = lines.get(seq);
                s.setString(1, serial.value());
                s.setInt(2, seq);
                s.setString(3, line.kind().name());
                s.setObject(4, line.start());
                s.setObject(5, line.end());
                s.setString(6, line.source());
                s.setString(7, LEGACY_TRACE.ruleSetVersion());
                s.setString(8, "[\"legacy rule\"]");
                Jdbc.setInstant(s, 9, RECORDED);
                s.executeUpdate();
            }
        }
    }

    /** A pending order of Alice's for 60 months on each device, placed before scopes. */
    private void insertLegacyOrder() throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            try (PreparedStatement s = c.prepareStatement("INSERT INTO wk_order (order_id, account_id, idempotency_key, "
                    + "state, total_amount, currency, created_at, pay_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
                s.setString(1, LEGACY_ORDER.value());
                s.setString(2, ALICE.value());
                s.setString(3, "legacy-key");
                s.setString(4, "PENDING_PAYMENT");
                s.setBigDecimal(5, new BigDecimal("400.00"));
                s.setString(6, "EUR");
                Jdbc.setInstant(s, 7, NOW.minusSeconds(86_400));
                Jdbc.setInstant(s, 8, NOW.plusSeconds(6 * 86_400));
                s.executeUpdate();
            }
            try (PreparedStatement s = c.prepareStatement("INSERT INTO wk_order_line (order_id, line_no, serial, "
                    + "offer_id, months, price_amount, currency, rule_set_version, fired_rules) "
                    + "VALUES (?, ?, ?, 'EXT-60M', 60, 200.00, 'EUR', 'test-0', '[]')")) {
                int lineNo = 0;
                for (SerialNumber serial : List.of(DE, AU)) {
                    s.setString(1, LEGACY_ORDER.value());
                    s.setInt(2, lineNo++);
                    s.setString(3, serial.value());
                    s.executeUpdate();
                }
            }
        }
    }

    private void insertLegacyCertificate(Certificate certificate) throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            try (PreparedStatement s = c.prepareStatement("INSERT INTO wk_certificate (number, serial, model, owner_id, "
                    + "issued_at, issued_at_iso, rule_set_version, key_id, signature) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                s.setString(1, certificate.number());
                s.setString(2, certificate.serial().value());
                s.setString(3, certificate.model());
                s.setString(4, certificate.owner().value());
                Jdbc.setInstant(s, 5, certificate.issuedAt());
                s.setString(6, certificate.issuedAt().toString());
                s.setString(7, certificate.ruleSetVersion());
                s.setString(8, certificate.keyId());
                s.setString(9, certificate.signature());
                s.executeUpdate();
            }
            try (PreparedStatement s = c.prepareStatement("INSERT INTO wk_certificate_coverage (number, line_no, kind, "
                    + "start_date, end_date, source) VALUES (?, ?, ?, ?, ?, ?)")) {
                int lineNo = 0;
                for (Coverage coverage : certificate.coverages()) {
                    s.setString(1, certificate.number());
                    s.setInt(2, lineNo++);
                    s.setString(3, coverage.kind().name());
                    s.setObject(4, coverage.start());
                    s.setObject(5, coverage.end());
                    s.setString(6, coverage.source().toString());
                    s.executeUpdate();
                }
            }
        }
    }

    private List<String> storedCovers(String sql, String key) throws SQLException {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            s.setString(1, key);
            try (ResultSet rows = s.executeQuery()) {
                List<String> covers = new ArrayList<>();
                while (rows.next()) {
                    covers.add(rows.getString(1));
                }
                return covers;
            }
        }
    }

    /** {@code prefix} completed with the one check symbol that makes it a certificate number. */
    static String wellFormedNumber(String prefix) {
        for (char c : "0123456789ABCDEFGHJKMNPQRSTVWXYZ".toCharArray()) {
            if (Certificate.isWellFormedNumber(prefix + c)) {
                return prefix + c;
            }
        }
        throw new IllegalArgumentException(prefix);
    }

    /** A certificate as it was signed before scopes existed: the v1 canonical form (no scope per line). */
    static Certificate signedBeforeScopes(String number, SerialNumber serial, String model, List<Coverage> coverages,
                                          Instant issuedAt, String ruleSetVersion, CertificateSigner signer) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        List<String> fields = new ArrayList<>(List.of("warranty-kit/certificate/v1", number, serial.value(), model,
                ALICE.value(), issuedAt.toString(), ruleSetVersion, signer.keyId(), Integer.toString(coverages.size())));
        for (Coverage c : coverages) {
            fields.addAll(List.of(c.kind().name(), c.start().toString(), c.end().toString(), c.source().toString()));
        }
        for (String field : fields) {
            byte[] bytes = field.getBytes(StandardCharsets.UTF_8);
            out.writeBytes((bytes.length + ":").getBytes(StandardCharsets.US_ASCII));
            out.writeBytes(bytes);
            out.write(',');
        }
        String signature = Base64.getEncoder().encodeToString(signer.sign(out.toByteArray()));
        return new Certificate(number, serial, model, ALICE, coverages, issuedAt, ruleSetVersion, signer.keyId(),
                signature);
    }
}
