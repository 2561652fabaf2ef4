package org.warrantykit.jdbc;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import javax.sql.DataSource;
import org.warrantykit.AccountId;
import org.warrantykit.Certificate;
import org.warrantykit.Coverage;
import org.warrantykit.CoverageKind;
import org.warrantykit.CoverageSource;
import org.warrantykit.Covered;
import org.warrantykit.SerialNumber;
import org.warrantykit.spi.CertificateStore;

/**
 * Every issued certificate in {@code wk_certificate} (number as primary key, so a number is recorded
 * once, ever) with its coverage lines in {@code wk_certificate_coverage}. The signed issue instant is
 * kept exactly, so a certificate read back verifies like the one handed out. Each line keeps its scope;
 * a line recorded before scopes existed (its {@code covers} column NULL, a certificate signed in format
 * v1) reads as {@link Covered#grantedBeforeScopes} gives for its kind without a region, as
 * {@link Certificate} reads a v1 certificate. Get one from
 * {@link JdbcWarrantyStores#certificates}; thread-safe.
 */
public final class JdbcCertificateStore implements CertificateStore {
    private final Jdbc jdbc;

    JdbcCertificateStore(DataSource dataSource) {
        this.jdbc = new Jdbc(dataSource);
    }

    /**
     * Records the certificate and its coverage lines in one transaction, unless its number is taken.
     *
     * @param certificate the certificate to record
     * @return true if it was recorded; false when the number was recorded before (nothing is written)
     * @throws NullPointerException if {@code certificate} is null
     * @throws JdbcStoreException if the database fails
     */
    @Override
    public boolean add(Certificate certificate) {
        Objects.requireNonNull(certificate, "certificate");
        return jdbc.insertUnlessTaken("record certificate " + certificate.number(), c -> {
            Jdbc.update(c, "INSERT INTO wk_certificate (number, serial, model, owner_id, issued_at, issued_at_iso, "
                    + "rule_set_version, key_id, signature) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", s -> {
                        s.setString(1, certificate.number());
                        s.setString(2, certificate.serial().value());
                        s.setString(3, certificate.model());
                        s.setString(4, certificate.owner().value());
                        Jdbc.setInstant(s, 5, certificate.issuedAt());
                        s.setString(6, certificate.issuedAt().toString());
                        s.setString(7, certificate.ruleSetVersion());
                        s.setString(8, certificate.keyId());
                        s.setString(9, certificate.signature());
                    });
            try (PreparedStatement s = c.prepareStatement("INSERT INTO wk_certificate_coverage (number, line_no, kind, "
                    + "start_date, end_date, source, covers) VALUES (?, ?, ?, ?, ?, ?, ?)")) {
                int line = 0;
                for (Coverage coverage : certificate.coverages()) {
                    s.setString(1, certificate.number());
                    s.setInt(2, line++);
                    s.setString(3, coverage.kind().name());
                    s.setObject(4, coverage.start());
                    s.setObject(5, coverage.end());
                    s.setString(6, coverage.source().toString());
                    Jdbc.setCovers(s, 7, coverage.covers());
                    s.addBatch();
                }
                s.executeBatch();
            }
        });
    }

    /**
     * The certificate with this number, with its coverage lines in their signed order.
     *
     * @param number a certificate number, exactly as issued
     * @return the certificate; empty when no certificate has this number
     * @throws NullPointerException if {@code number} is null
     * @throws JdbcStoreException if the database fails
     */
    @Override
    public Optional<Certificate> find(String number) {
        Objects.requireNonNull(number, "number");
        List<Certificate> found = select("WHERE number = ?", s -> s.setString(1, number));
        return found.isEmpty() ? Optional.empty() : Optional.of(found.get(0));
    }

    /**
     * The device's certificates, in the order they were recorded.
     *
     * @param serial the device
     * @return its certificates, oldest first; empty when none
     * @throws NullPointerException if {@code serial} is null
     * @throws JdbcStoreException if the database fails
     */
    @Override
    public List<Certificate> issuedFor(SerialNumber serial) {
        Objects.requireNonNull(serial, "serial");
        return select("WHERE serial = ? ORDER BY issue_seq", s -> s.setString(1, serial.value()));
    }

    private record Head(String number, SerialNumber serial, String model, AccountId owner, Instant issuedAt,
                        String ruleSetVersion, String keyId, String signature) {
    }

    /**
     * A certificate's line; one signed before scopes existed (format v1, its {@code covers} column NULL)
     * reads as {@link Certificate} reads such a line, so that it verifies over its v1 form.
     */
    private static Coverage coverage(ResultSet r) throws SQLException {
        CoverageKind kind = CoverageKind.valueOf(r.getString("kind"));
        return new Coverage(kind, Jdbc.getDate(r, "start_date"), Jdbc.getDate(r, "end_date"),
                CoverageSource.parse(r.getString("source")),
                Jdbc.getCovers(r, "covers").orElseGet(() -> Covered.grantedBeforeScopes(kind, "")));
    }

    private List<Certificate> select(String where, Jdbc.Binder binder) {
        return jdbc.transaction("read certificates", c -> {
            List<Head> heads = Jdbc.query(c, "SELECT number, serial, model, owner_id, issued_at_iso, rule_set_version, "
                    + "key_id, signature FROM wk_certificate " + where, binder, r -> new Head(r.getString("number"),
                    new SerialNumber(r.getString("serial")), r.getString("model"), AccountId.of(r.getString("owner_id")),
                    Instant.parse(r.getString("issued_at_iso")), r.getString("rule_set_version"), r.getString("key_id"),
                    r.getString("signature")));
            List<Certificate> certificates = new ArrayList<>(heads.size());
            for (Head h : heads) {
                List<Coverage> coverages = Jdbc.query(c, "SELECT kind, start_date, end_date, source, covers FROM "
                        + "wk_certificate_coverage WHERE number = ? ORDER BY line_no", s -> s.setString(1, h.number()),
                        JdbcCertificateStore::coverage);
                certificates.add(new Certificate(h.number(), h.serial(), h.model(), h.owner(), coverages, h.issuedAt(),
                        h.ruleSetVersion(), h.keyId(), h.signature()));
            }
            return certificates;
        });
    }
}
