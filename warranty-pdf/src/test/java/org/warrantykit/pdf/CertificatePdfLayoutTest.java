package org.warrantykit.pdf;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.From;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.warrantykit.Certificate;
import org.warrantykit.Coverage;
import org.warrantykit.CoverageKind;

/** Whatever the certificate holds, the PDF stays one A4 page with the number, serial and every line it can fit. */
class CertificatePdfLayoutTest {

    @Provide
    Arbitrary<String> sources() {
        return Arbitraries.strings().withChars("abcdefghijklmnopqrstuvwxyz ABCXYZ0123456789-:,.()€é夏\t")
                .ofMinLength(1).ofMaxLength(160).filter(s -> !s.isBlank());
    }

    @Property(tries = 60)
    void anyCertificateIsOnePageWithItsNumberAndSerial(@ForAll @Size(min = 0, max = 40) List<@From("sources") String> sources,
                                                       @ForAll("sources") String model) throws IOException {
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

    @Property(tries = 20)
    void upToEightGrantsWithTwoLineSourcesAllFit(@ForAll @IntRange(min = 1, max = 8) int grants) throws IOException {
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
            assertThat(CertificatePdfTest.flat(text)).contains(c.source());
        }
        if (grants == 8) {
            CertificatePdfTest.png(pdf, "certificate-eight-grants.png");
        }
    }

    static Certificate certificate(List<String> sources, String model) {
        List<Coverage> lines = new ArrayList<>();
        lines.add(new Coverage(CoverageKind.STANDARD, LocalDate.of(2023, 5, 2), LocalDate.of(2028, 5, 1), "standard warranty"));
        CoverageKind[] kinds = {CoverageKind.UPGRADE, CoverageKind.EXTENSION, CoverageKind.PROMOTION};
        for (int i = 0; i < sources.size(); i++) {
            lines.add(lines.get(lines.size() - 1).followedByMonths(kinds[i % 3], 6 + i, sources.get(i)));
        }
        return CertificatePdfTest.withLines("H1B50A1234567", model, lines);
    }
}
