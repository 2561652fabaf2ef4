package org.warrantykit.pdf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.lists;

import java.io.IOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.io.UncheckedIOException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.text.TextPosition;
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
        CertificatePdfTest.assertEveryRowShowsItsScope(text, certificate.coverages().subList(0, shownRows(text, certificate)));
    }

    /** How many coverage rows the table shows: all, or those before "... and N more coverage lines". */
    static int shownRows(String text, Certificate certificate) {
        Matcher more = Pattern.compile("\\.\\.\\. and (\\d+) more coverage lines").matcher(text);
        return certificate.coverages().size() - (more.find() ? Integer.parseInt(more.group(1)) : 0);
    }

    /**
     * The longest scope ("parts, labour and transport") on every row but the upgrades, with sources
     * that wrap to the three lines a row allows: each "Covers:" line stays within the Source column
     * and the page margin, and no text on the page overlaps other text.
     */
    @Test
    void theLongestScopeStaysInItsCellAndOverlapsNothing() throws IOException {
        for (int grants : new int[] {0, 1, 2, 3, 4, 5, 6, 7, 8, 12, 40}) {
            List<String> sources = new ArrayList<>();
            for (int i = 0; i < grants; i++) {
                sources.add(("campaign WWWW-" + i + " MMMM goodwill ").repeat(8).substring(0, 160));
            }
            Certificate certificate = certificate(sources, "M" + "W".repeat(60));
            byte[] pdf = CertificatePdf.standard().toBytes(certificate);
            String text = CertificatePdfTest.text(pdf);
            int shown = shownRows(text, certificate);
            if (grants <= 12) { // with 40 such lines the verification code needs the table's room (as it did before scopes)
                assertThat(shown).as("rows shown of %d", grants + 1).isPositive();
                assertThat(text).contains("Covers: parts, labour and transport");
            }
            CertificatePdfTest.assertEveryRowShowsItsScope(text, certificate.coverages().subList(0, shown));

            List<Word> words = words(pdf);
            Word header = words.stream().filter(w -> w.text().equals("Source")).findFirst().orElseThrow();
            float rightMargin = PDRectangle.A4.getWidth() - 50;
            List<Word> labels = words.stream().filter(w -> w.text().equals("Covers:")).toList();
            assertThat(labels).as("Covers: labels of %d grants", grants).hasSize(shown);
            for (Word label : labels) {
                List<Word> line = words.stream().filter(w -> Math.abs(w.bottom() - label.bottom()) < 0.5f).toList();
                for (Word w : line.subList(line.indexOf(label), line.size())) {
                    assertThat(w.left()).as("%s of %d grants", w, grants).isGreaterThanOrEqualTo(header.left() - 0.5f);
                    assertThat(w.right()).as("%s of %d grants", w, grants).isLessThanOrEqualTo(rightMargin + 0.5f);
                }
            }
            for (int i = 0; i < words.size(); i++) {
                for (int k = i + 1; k < words.size(); k++) {
                    assertThat(words.get(i).overlaps(words.get(k))).as("%s overlaps %s (%d grants)", words.get(i), words.get(k), grants)
                            .isFalse();
                }
            }
            if (grants == 8) {
                CertificatePdfTest.png(pdf, "certificate-longest-scopes.png");
            }
        }
    }

    /** A run of text as drawn (a word or words in one font): its text and box in page points, y down from the top. */
    record Word(String text, float left, float right, float top, float bottom) {
        boolean overlaps(Word other) {
            float slack = 0.3f;
            return left < other.right - slack && other.left < right - slack
                    && top < other.bottom - slack && other.top < bottom - slack;
        }
    }

    /** Every run of text on the page with its box, as PDFTextStripper hands it out. */
    static List<Word> words(byte[] pdf) throws IOException {
        List<Word> words = new ArrayList<>();
        PDFTextStripper stripper = new PDFTextStripper() {
            @Override
            protected void writeString(String text, List<TextPosition> positions) throws IOException {
                if (!text.isBlank() && !positions.isEmpty()) {
                    float left = Float.MAX_VALUE;
                    float right = -Float.MAX_VALUE;
                    float height = 0;
                    for (TextPosition p : positions) {
                        left = Math.min(left, p.getXDirAdj());
                        right = Math.max(right, p.getXDirAdj() + p.getWidthDirAdj());
                        height = Math.max(height, p.getHeightDir());
                    }
                    float baseline = positions.get(0).getYDirAdj();
                    words.add(new Word(text, left, right, baseline - height, baseline));
                }
                super.writeString(text, positions);
            }
        };
        stripper.setSortByPosition(true);
        try (PDDocument document = Loader.loadPDF(pdf)) {
            stripper.getText(document);
        }
        return words;
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
