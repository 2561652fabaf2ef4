package org.warrantykit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;
import static org.quicktheories.generators.SourceDSL.longs;
import static org.warrantykit.fixtures.Fixtures.ALICE;

import java.lang.reflect.RecordComponent;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.EnumSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;

/**
 * Genuine certificates verify, and changing any one field of a signed certificate, by any amount,
 * makes verification fail; the canonical form cannot be shifted between fields.
 */
class CertificateTamperTest {
    static final CertificateSigner SIGNER = CertificateSigner.generateForDemo();
    static final CertificateVerifier VERIFIER = CertificateVerifier.of(SIGNER.publicKey());

    /** One way to alter a signed certificate per field (and per kind of change to its coverage lines). */
    enum Alteration {
        NUMBER("number"), SERIAL("serial"), MODEL("model"), OWNER("owner"), ISSUED_AT("issuedAt"),
        RULE_SET_VERSION("ruleSetVersion"), KEY_ID("keyId"), SIGNATURE_OF_OTHER_CONTENT("signature"),
        SIGNATURE_BIT_FLIP("signature"), COVERAGE_KIND("coverages"), COVERAGE_START("coverages"),
        COVERAGE_END("coverages"), COVERAGE_SOURCE("coverages"), COVERAGE_ADDED("coverages"),
        COVERAGE_REMOVED("coverages"), COVERAGES_REORDERED("coverages");

        final String component;

        Alteration(String component) {
            this.component = component;
        }
    }

    @Test
    void genuineCertificatesVerifyAndSurviveTheirCompactText() {
        qt().withExamples(300).forAll(certificates()).checkAssert(this::genuineCertificatesVerifyAndSurviveTheirCompactText);
    }

    void genuineCertificatesVerifyAndSurviveTheirCompactText(Certificate certificate) {
        assertThat(VERIFIER.verify(certificate)).isTrue();
        assertThat(Certificate.fromCompactText(certificate.toCompactText())).isEqualTo(certificate);
        assertThat(VERIFIER.check(certificate.toCompactText()).valid()).isTrue();
    }

    @Test
    void alteringAnyFieldBreaksVerification() {
        qt().withExamples(800).forAll(certificates(), Generate.enumValues(Alteration.class), longs().all())
                .assuming((certificate, alteration, seed) -> alter(certificate, alteration, new Random(seed)) != null)
                .checkAssert(this::alteringAnyFieldBreaksVerification);
    }

    @Test
    void alteringAnyFieldBreaksVerificationOnEdgeCases() {
        Certificate plain = Certificate.issue(CertificateNumbers.next(LocalDate.of(2000, 1, 1), new Random(0)),
                new SerialNumber("A".repeat(10)), "M", AccountId.of("a"),
                List.of(new Coverage(CoverageKind.STANDARD, LocalDate.of(2000, 1, 1), LocalDate.of(2000, 12, 31), "s", "PARTS,LABOUR")),
                Instant.ofEpochSecond(946_684_800L), "", SIGNER);
        for (Certificate certificate : List.of(plain, Gens.sample(certificates(), 1, 1L).get(0))) {
            for (Alteration alteration : Alteration.values()) {
                for (long seed : new long[] {0, -1, Long.MAX_VALUE}) {
                    if (alter(certificate, alteration, new Random(seed)) != null) {
                        alteringAnyFieldBreaksVerification(certificate, alteration, seed);
                    }
                }
            }
        }
    }

    void alteringAnyFieldBreaksVerification(Certificate certificate, Alteration alteration, long seed) {
        Certificate altered = alter(certificate, alteration, new Random(seed));
        assertThat(altered).isNotEqualTo(certificate);

        CertificateVerifier.Result result = VERIFIER.check(altered);
        assertThat(result.valid()).as(alteration + " -> " + result.reason()).isFalse();
        assertThat(VERIFIER.check(altered.toCompactText()).valid()).isFalse();
    }

    @Test
    void theAlterationsTouchEveryComponentOfTheRecord() {
        Set<String> altered = EnumSet.allOf(Alteration.class).stream().map(a -> a.component).collect(Collectors.toSet());
        assertThat(Arrays.stream(Certificate.class.getRecordComponents()).map(RecordComponent::getName))
                .allMatch(altered::contains);
    }

    @Test
    void movingTextAcrossAFieldBoundaryChangesTheCanonicalForm() {
        qt().withExamples(300).forAll(certificates(), texts(), integers().between(0, 40),
                integers().between(0, 40)).checkAssert(this::movingTextAcrossAFieldBoundaryChangesTheCanonicalForm);
    }

    /** Two different cuts of {@code text + "xy"} at code-point boundaries, never at its end. */
    void movingTextAcrossAFieldBoundaryChangesTheCanonicalForm(Certificate certificate, String text, int cutA, int cutB) {
        String joined = text + "xy";
        int cuts = joined.codePointCount(0, joined.length()); // at least 2: a cut before any code point
        int first = Math.min(cutA, cuts - 1);
        int second = (first + 1 + cutB % (cuts - 1)) % cuts; // any other cut
        int a = joined.offsetByCodePoints(0, first);
        int b = joined.offsetByCodePoints(0, second);
        // ruleSetVersion and keyId are adjacent in the canonical form; keyId must stay non-blank.
        Certificate split1 = with(certificate, c -> new Certificate(c.number(), c.serial(), c.model(), c.owner(),
                c.coverages(), c.issuedAt(), joined.substring(0, a), "k" + joined.substring(a), c.signature()));
        Certificate split2 = with(certificate, c -> new Certificate(c.number(), c.serial(), c.model(), c.owner(),
                c.coverages(), c.issuedAt(), joined.substring(0, b), "k" + joined.substring(b), c.signature()));
        assertThat(split1.canonicalForm()).isNotEqualTo(split2.canonicalForm());
    }

    @Test
    void theCanonicalFormIsLengthPrefixedAndDocumented() {
        Certificate c = new Certificate("WK-20261127-7K3QD-M2X9" + CertificateNumbers.checkSymbol("202611277K3QDM2X9"),
                SerialNumber.parse("H1B50A1234567"), "X1-BOOST", ALICE,
                List.of(new Coverage(CoverageKind.STANDARD, LocalDate.of(2023, 5, 2), LocalDate.of(2028, 5, 1), "standard warranty", "PARTS,LABOUR")),
                Instant.parse("2026-11-27T10:15:30Z"), "v1", "0123456789abcdef", "c2ln");
        assertThat(new String(c.canonicalForm(), StandardCharsets.UTF_8)).isEqualTo(
                "27:warranty-kit/certificate/v2,23:" + c.number() + ",13:H1B50A1234567,8:X1-BOOST,5:alice,"
                        + "20:2026-11-27T10:15:30Z,2:v1,16:0123456789abcdef,1:1,"
                        + "8:STANDARD,10:2023-05-02,10:2028-05-01,17:standard warranty,12:PARTS,LABOUR,");
        // what a certificate issued before scopes existed signed: the same fields, no scope
        assertThat(new String(c.canonicalFormBeforeScopes(), StandardCharsets.UTF_8)).isEqualTo(
                "27:warranty-kit/certificate/v1,23:" + c.number() + ",13:H1B50A1234567,8:X1-BOOST,5:alice,"
                        + "20:2026-11-27T10:15:30Z,2:v1,16:0123456789abcdef,1:1,"
                        + "8:STANDARD,10:2023-05-02,10:2028-05-01,17:standard warranty,");
    }

    @Test
    void textsWithoutAUtf8FormAreRefused() {
        Certificate c = Gens.sample(certificates(), 1, 20261203L).get(0);
        assertThatThrownBy(() -> new Certificate(c.number(), c.serial(), "X1\uD83D", c.owner(), c.coverages(),
                c.issuedAt(), c.ruleSetVersion(), c.keyId(), c.signature()))
                .isInstanceOf(InvalidValueException.class).hasMessageContaining("model").hasMessageContaining("unpaired surrogate");
    }

    static Certificate with(Certificate c, UnaryOperator<Certificate> change) {
        return change.apply(c);
    }

    /** The certificate with one thing changed, keeping the signature; null when the change is impossible. */
    static Certificate alter(Certificate c, Alteration alteration, Random random) {
        List<Coverage> lines = new ArrayList<>(c.coverages());
        int i = random.nextInt(lines.size());
        Coverage line = lines.get(i);
        switch (alteration) {
            case NUMBER -> {
                String number;
                do {
                    number = CertificateNumbers.next(c.issuedAt().atZone(ZoneOffset.UTC).toLocalDate(), random);
                } while (number.equals(c.number()));
                return copy(c, number, c.serial(), c.model(), c.owner(), lines, c.issuedAt(), c.ruleSetVersion(), c.keyId(), c.signature());
            }
            case SERIAL -> {
                String serial = c.serial().value();
                char replaced = serial.charAt(0) == 'Z' ? 'Y' : 'Z';
                return copy(c, c.number(), new SerialNumber(replaced + serial.substring(1)), c.model(), c.owner(), lines,
                        c.issuedAt(), c.ruleSetVersion(), c.keyId(), c.signature());
            }
            case MODEL -> {
                return copy(c, c.number(), c.serial(), c.model() + " ", c.owner(), lines, c.issuedAt(), c.ruleSetVersion(),
                        c.keyId(), c.signature());
            }
            case OWNER -> {
                return copy(c, c.number(), c.serial(), c.model(), AccountId.of(c.owner().value() + "x"), lines, c.issuedAt(),
                        c.ruleSetVersion(), c.keyId(), c.signature());
            }
            case ISSUED_AT -> {
                return copy(c, c.number(), c.serial(), c.model(), c.owner(), lines,
                        c.issuedAt().plusSeconds(1 + random.nextInt(1_000_000)), c.ruleSetVersion(), c.keyId(), c.signature());
            }
            case RULE_SET_VERSION -> {
                return copy(c, c.number(), c.serial(), c.model(), c.owner(), lines, c.issuedAt(),
                        c.ruleSetVersion() + "'", c.keyId(), c.signature());
            }
            case KEY_ID -> {
                return copy(c, c.number(), c.serial(), c.model(), c.owner(), lines, c.issuedAt(), c.ruleSetVersion(),
                        "0000000000000000".equals(c.keyId()) ? "0000000000000001" : "0000000000000000", c.signature());
            }
            case SIGNATURE_OF_OTHER_CONTENT -> {
                String other = Base64.getEncoder().encodeToString(SIGNER.sign(("other " + c.number()).getBytes()));
                return copy(c, c.number(), c.serial(), c.model(), c.owner(), lines, c.issuedAt(), c.ruleSetVersion(),
                        c.keyId(), other);
            }
            case SIGNATURE_BIT_FLIP -> {
                byte[] signature = Base64.getDecoder().decode(c.signature());
                int bit = random.nextInt(signature.length * 8);
                signature[bit / 8] ^= (byte) (1 << (bit % 8));
                return copy(c, c.number(), c.serial(), c.model(), c.owner(), lines, c.issuedAt(), c.ruleSetVersion(),
                        c.keyId(), Base64.getEncoder().encodeToString(signature));
            }
            case COVERAGE_KIND -> {
                CoverageKind[] kinds = CoverageKind.values();
                CoverageKind kind = kinds[(line.kind().ordinal() + 1 + random.nextInt(kinds.length - 1)) % kinds.length];
                lines.set(i, new Coverage(kind, line.start(), line.end(), line.source(), Covered.scope(Covered.PARTS, Covered.LABOUR)));
            }
            case COVERAGE_START -> lines.set(i, new Coverage(line.kind(), line.start().minusDays(1 + random.nextInt(400)),
                    line.end(), line.source(), Covered.scope(Covered.PARTS, Covered.LABOUR)));
            case COVERAGE_END -> lines.set(i, new Coverage(line.kind(), line.start(), line.end().plusDays(1 + random.nextInt(400)),
                    line.source(), Covered.scope(Covered.PARTS, Covered.LABOUR)));
            case COVERAGE_SOURCE -> lines.set(i, new Coverage(line.kind(), line.start(), line.end(), line.source() + ".", "PARTS,LABOUR"));
            case COVERAGE_ADDED -> lines.add(random.nextInt(lines.size() + 1), lines.get(lines.size() - 1)
                    .followedBy(CoverageKind.EXTENSION, 1 + random.nextInt(10), CoverageSource.parse("forged extension"), Covered.scope(Covered.PARTS, Covered.LABOUR)));
            case COVERAGE_REMOVED -> {
                if (lines.size() < 2) {
                    return null;
                }
                lines.remove(i);
            }
            case COVERAGES_REORDERED -> {
                int j = random.nextInt(lines.size());
                if (lines.get(i).equals(lines.get(j))) {
                    return null;
                }
                lines.set(i, lines.get(j));
                lines.set(j, line);
            }
        }
        return copy(c, c.number(), c.serial(), c.model(), c.owner(), lines, c.issuedAt(), c.ruleSetVersion(), c.keyId(),
                c.signature());
    }

    static Certificate copy(Certificate c, String number, SerialNumber serial, String model, AccountId owner,
                            List<Coverage> lines, Instant issuedAt, String ruleSetVersion, String keyId, String signature) {
        return new Certificate(number, serial, model, owner, lines, issuedAt, ruleSetVersion, keyId, signature);
    }

    static Gen<String> texts() {
        // Digits, colons and commas look like netstring syntax; the rest checks UTF-8 lengths.
        return Gens.strings("0123456789:,;.- aZ\u00e9\u20ac\u6f22!", 0, 30)
                .map(s -> s.replace("!", "\uD83D\uDE00")); // an emoji: a surrogate pair, 4 bytes in UTF-8
    }

    /** Who a certificate is for: everything but its coverage lines, issue time and rule-set version. */
    private record Header(String number, String serial, String model, String owner) {
    }

    static Gen<Certificate> certificates() {
        Gen<LocalDate> days = integers().between(0, 40_000).map(d -> LocalDate.of(2000, 1, 1).plusDays(d));
        Gen<String> serials = Gens.strings("ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789", 10, 20);
        Gen<String> models = texts().map(t -> "M" + t);
        Gen<String> owners = Gens.strings("abcxyz0189._@+-", 0, 30).map(t -> "a" + t);
        Gen<Instant> instants = longs().between(946_684_800L, 4_102_444_800L).map(seconds -> Instant.ofEpochSecond(seconds));
        Gen<Coverage> first = days.zip(integers().between(1, 10), texts(),
                (start, years, source) -> new Coverage(CoverageKind.STANDARD, start,
                        start.plusYears(years).minusDays(1), "s" + source, "PARTS,LABOUR"));
        Gen<Object[]> grant = Generate.enumValues(CoverageKind.class).zip(integers().between(1, 180), texts(),
                (kind, months, source) -> new Object[] {kind, months, "g" + source});
        Gen<List<Coverage>> coverages = first.zip(lists().of(grant).ofSizeBetween(0, 5), (standard, more) -> {
            List<Coverage> lines = new ArrayList<>(List.of(standard));
            for (Object[] g : more) {
                lines.add(lines.get(lines.size() - 1).followedByMonths((CoverageKind) g[0], (Integer) g[1], CoverageSource.parse((String) g[2]), Covered.scope(Covered.PARTS, Covered.LABOUR)));
            }
            return lines;
        });
        Gen<String> numbers = days.zip(longs().all(), (day, seed) -> CertificateNumbers.next(day, new Random(seed)));
        Gen<Header> headers = numbers.zip(serials, models, owners, Header::new);
        return headers.zip(coverages, instants, texts(), (h, lines, issuedAt, ruleSetVersion) -> Certificate.issue(
                h.number(), new SerialNumber(h.serial()), h.model(), AccountId.of(h.owner()), lines, issuedAt,
                ruleSetVersion, SIGNER));
    }
}
