package org.warrantykit.pdf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.lists;

import java.io.IOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.io.UncheckedIOException;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.warrantykit.Certificate;
import org.warrantykit.Coverage;
import org.warrantykit.CoverageKind;
import org.warrantykit.CoverageSource;
import org.warrantykit.Covered;

/** Whatever the certificate holds, the PDF stays one A4 page with the number, serial and every line it can fit. */
class CertificatePdfLayoutTest {

    private static final List<Character> SOURCE_CHARACTERS =
            "abcdefghijklmnopqrstuvwxyz ABCXYZ0123456789-:,.()\u20ac\u00e9\u590f\t".chars().mapToObj(c -> (char) c).toList();

    /** Coverage sources as rule authors and campaigns write them: up to 160 characters, not blank. */
    static Gen<String> sources() {
        return lists().of(Generate.pick(SOURCE_CHARACTERS)).ofSizeBetween(1, 160)
                .map(chars -> chars.stream().map(String::valueOf).collect(Collectors.joining()))
                .assuming(s -> !s.isBlank());
    }

    // QuickTheories seed 47121916664720 found a verification code that overflowed into the fields
    // above (many long sources); the code now shrinks to fit. Slow to shrink: each step renders a PDF.
    @Test
    void anyCertificateIsOnePageWithItsNumberAndSerial() {
        qt().withExamples(60).withShrinkCycles(30).forAll(lists().of(sources()).ofSizeBetween(0, 40), sources()).checkAssert((sources, model) -> {
            try {
                anyCertificateIsOnePageWithItsNumberAndSerial(sources, model);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    /** The largest certificate the property generates: 40 sources of 160 characters and a long model. */
    @Test
    void theLargestGeneratedCertificateKeepsItsWholeCodeReadable() throws IOException {
        List<String> sources = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            sources.add(("source " + i + " \u20ac\u00e9\u590f ").repeat(20).substring(0, 160));
        }
        String model = "X".repeat(160);
        anyCertificateIsOnePageWithItsNumberAndSerial(sources, model);
        CertificatePdfTest.png(CertificatePdf.standard().toBytes(certificate(sources, "M" + model)), "certificate-largest.png");
    }

    void anyCertificateIsOnePageWithItsNumberAndSerial(List<String> sources, String model) throws IOException {
        Certificate certificate = certificate(sources, "M" + model);
        byte[] pdf = CertificatePdf.standard().toBytes(certificate);

        try (PDDocument document = Loader.loadPDF(pdf)) {
            assertThat(document.getNumberOfPages()).isEqualTo(1);
        }
        String text = CertificatePdfTest.text(pdf);
        assertThat(text).contains(certificate.number(), certificate.serial().value(),
                "Covered from " + certificate.validFrom() + " to " + certificate.validUntil());
        assertThat(CertificatePdfTest.verificationCode(text)).isEqualTo(certificate.toCompactText());
        if (!text.contains("more coverage lines")) {
            for (Coverage c : certificate.coverages()) {
                assertThat(text).contains(c.start() + " " + c.end());
            }
        }
    }

    @Test
    void upToEightGrantsWithTwoLineSourcesAllFit() throws IOException {
        for (int grants = 1; grants <= 8; grants++) { // every count, not a sample of them
            upToEightGrantsWithTwoLineSourcesAllFit(grants);
        }
    }

    void upToEightGrantsWithTwoLineSourcesAllFit(int grants) throws IOException {
        List<String> sources = new ArrayList<>();
        for (int i = 0; i < grants; i++) {
            sources.add("campaign SPRING-" + i + ": installer goodwill for early commissioning, region DE");
        }
        Certificate certificate = certificate(sources, "X3-HYBRID-G4");
        byte[] pdf = CertificatePdf.standard().toBytes(certificate);
        String text = CertificatePdfTest.text(pdf);

        assertThat(text).doesNotContain("more coverage lines");
        for (Coverage c : certificate.coverages()) {
            assertThat(text).contains(c.start() + " " + c.end());
            assertThat(CertificatePdfTest.flat(text)).contains(c.source().toString());
        }
        if (grants == 8) {
            CertificatePdfTest.png(pdf, "certificate-eight-grants.png");
        }
    }

    static Certificate certificate(List<String> sources, String model) {
        List<Coverage> lines = new ArrayList<>();
        // scopes as the default policy grants them in DE: the longest in words, the upgrade parts only
        lines.add(new Coverage(CoverageKind.STANDARD, LocalDate.of(2023, 5, 2), LocalDate.of(2028, 5, 1), "standard warranty",
                "PARTS,LABOUR,TRANSPORT"));
        CoverageKind[] kinds = {CoverageKind.UPGRADE, CoverageKind.EXTENSION, CoverageKind.PROMOTION};
        for (int i = 0; i < sources.size(); i++) {
            CoverageKind kind = kinds[i % 3];
            lines.add(lines.get(lines.size() - 1).followedByMonths(kind, 6 + i, CoverageSource.parse(sources.get(i)),
                    kind == CoverageKind.UPGRADE ? Covered.scope(Covered.PARTS) : CertificatePdfTest.EU_SCOPE));
        }
        return CertificatePdfTest.withLines("H1B50A1234567", model, lines);
    }
}
