package org.warrantykit.pdf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.warrantykit.fixtures.Fixtures.device;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.rendering.ImageType;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.warrantykit.AccountId;
import org.warrantykit.Certificate;
import org.warrantykit.CertificateSigner;
import org.warrantykit.CertificateVerifier;
import org.warrantykit.Coverage;
import org.warrantykit.CoverageKind;
import org.warrantykit.CoverageSource;
import org.warrantykit.Covered;
import org.warrantykit.DecisionTrace;
import org.warrantykit.Device;
import org.warrantykit.SerialNumber;
import org.warrantykit.WarrantyService;
import org.warrantykit.fixtures.TestPolicy;
import org.warrantykit.memory.InMemoryCoverageLedger;
import org.warrantykit.memory.InMemoryDeviceRegistry;
import org.warrantykit.memory.InMemoryStores;
import org.warrantykit.spi.LedgerEntry;

class CertificatePdfTest {
    static final AccountId OWNER = AccountId.of("alice.meyer@example.com");
    static final Instant NOW = Instant.parse("2026-11-27T10:15:30Z");

    /** The rule set named on the sample certificate, as the demo's default rules would name it. */
    static final String RULES_VERSION = "default-2026.11@3f2a9c1";

    /** What the default policy grants in DE (standard, extension, promotion): the longest scope in words. */
    static final Set<Covered> EU_SCOPE = Covered.scope(Covered.PARTS, Covered.LABOUR, Covered.TRANSPORT);

    /** A certificate the way the demo gets one (a device in DE): upgraded, then extended and promoted. */
    static Certificate sample() {
        // online, installed 2023-05-02: 5 years standard, +5 upgrade
        Device device = device("H1B50A1234567").model("X3-HYBRID-G4").owner(OWNER).build();
        InMemoryCoverageLedger ledger = new InMemoryCoverageLedger();
        WarrantyService service = InMemoryStores.configure(WarrantyService.builder()).rules(new TestPolicy().withVersion(RULES_VERSION))
                .devices(InMemoryDeviceRegistry.of(List.of(device))).clock(Clock.fixed(NOW, ZoneOffset.UTC))
                .ledger(ledger).build();
        service.requestUpgrade(OWNER, "H1B50A1234567");
        List<LedgerEntry> entries = ledger.entries(device.serial());
        Coverage extension = entries.get(1).coverage().followedBy(CoverageKind.EXTENSION, 5,
                CoverageSource.parse("extension batch B-2026-07 (offline sale, 5 years)"), EU_SCOPE);
        Coverage promotion = extension.followedByMonths(CoverageKind.PROMOTION, 6,
                CoverageSource.parse("campaign SUMMER-26: installer goodwill for early commissioning"), EU_SCOPE);
        DecisionTrace trace = new DecisionTrace(RULES_VERSION, List.of("test"));
        ledger.append(device.serial(), 2, List.of(new LedgerEntry(extension, trace, NOW), new LedgerEntry(promotion, trace, NOW)));
        return service.certificate(OWNER, "H1B50A1234567");
    }

    static final CertificateSigner SIGNER = CertificateSigner.generateForDemo();

    /** A certificate with the given lines (the first must be STANDARD), signed by {@link #SIGNER}. */
    static Certificate withLines(String serial, String model, List<Coverage> lines) {
        return Certificate.issue(number("WK-20261127-7K3QD-M2X9"), SerialNumber.parse(serial), model, OWNER, lines, NOW,
                "test-rules-1", SIGNER);
    }

    /** The well-formed number that starts with {@code prefix} (the check symbol completes it). */
    static String number(String prefix) {
        for (char c : "0123456789ABCDEFGHJKMNPQRSTVWXYZ".toCharArray()) {
            if (Certificate.isWellFormedNumber(prefix + c)) {
                return prefix + c;
            }
        }
        throw new AssertionError("no check symbol completes " + prefix);
    }

    static String text(byte[] pdf) throws IOException {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            PDFTextStripper stripper = new PDFTextStripper();
            stripper.setSortByPosition(true);
            return stripper.getText(document);
        }
    }

    @Test
    void theCertificateIsOneA4Page() throws IOException {
        byte[] pdf = CertificatePdf.standard().toBytes(sample());

        try (PDDocument document = Loader.loadPDF(pdf)) {
            assertThat(document.getNumberOfPages()).isEqualTo(1);
            PDRectangle box = document.getPage(0).getMediaBox();
            assertThat(box.getWidth()).isEqualTo(PDRectangle.A4.getWidth());
            assertThat(box.getHeight()).isEqualTo(PDRectangle.A4.getHeight());
            assertThat(document.getDocumentInformation().getTitle()).startsWith("Solar Warranty Certificate WK-");
        }
        assertThat(pdf.length).isLessThan(20_000);
    }

    @Test
    void thePageShowsTitleDeviceOwnerValidityNumberAndEveryCoverageLine() throws IOException {
        Certificate certificate = sample();
        String text = text(CertificatePdf.standard().toBytes(certificate));

        assertThat(text).contains("Solar Warranty Certificate", certificate.number(), "H1B50A1234567", "X3-HYBRID-G4",
                "alice.meyer@example.com", "Covered from 2023-05-02 to 2038-11-01", "default-2026.11@3f2a9c1",
                "2026-11-27 10:15 UTC", certificate.keyId(), certificate.signature());
        assertThat(certificate.coverages()).hasSize(4);
        for (int i = 0; i < certificate.coverages().size(); i++) {
            Coverage c = certificate.coverages().get(i);
            String kind = c.kind().name().charAt(0) + c.kind().name().substring(1).toLowerCase();
            assertThat(text).as("row of " + c).containsPattern(Pattern.compile(
                    "(?m)^" + (i + 1) + " " + kind + " " + c.start() + " " + c.end() + " " + Pattern.quote(firstWords(c.source().toString()))));
        }
        assertThat(flat(text)).contains("extension batch B-2026-07 (offline sale, 5 years)", "online upgrade",
                "standard warranty", "campaign SUMMER-26: installer goodwill for early commissioning");
    }

    @Test
    void everyRowSaysWhatItsLineCovers() throws IOException {
        Certificate certificate = sample();
        String text = text(CertificatePdf.standard().toBytes(certificate));

        assertThat(certificate.coverages()).extracting(Coverage::covers)
                .containsExactly(EU_SCOPE, Covered.scope(Covered.PARTS), EU_SCOPE, EU_SCOPE);
        assertEveryRowShowsItsScope(text, certificate.coverages());
    }

    @Test
    void theUpgradeLineSaysPlainlyThatItCoversPartsOnly() throws IOException {
        Certificate certificate = sample(); // the default policy's upgrade, as the service grants it
        String text = text(CertificatePdf.standard().toBytes(certificate));

        Coverage upgrade = certificate.coverages().get(1);
        assertThat(upgrade.kind()).isEqualTo(CoverageKind.UPGRADE);
        assertThat(row(text, 1, upgrade)).containsPattern("(?m)^Covers: parts only$")
                .doesNotContain("labour", "transport");
        assertThat(row(text, 0, certificate.coverages().get(0))).containsPattern("(?m)^Covers: parts, labour and transport$");
    }

    /** Each shown line's row holds "Covers: " and its scope in words, on a line of its own. */
    static void assertEveryRowShowsItsScope(String text, List<Coverage> lines) {
        for (int i = 0; i < lines.size(); i++) {
            Coverage c = lines.get(i);
            assertThat(row(text, i, c)).as("row %d of %s", i + 1, c)
                    .containsPattern("(?m)^Covers: " + Pattern.quote(Covered.describe(c.covers())) + "$");
        }
    }

    /** The text of the table row that shows line {@code index}: from its first line to the next row's (or the table's end). */
    static String row(String text, int index, Coverage c) {
        var start = Pattern.compile("(?m)^" + (index + 1) + " " + kind(c) + " " + c.start() + " " + c.end() + "( |$)").matcher(text);
        assertThat(start.find()).as("row %d of %s", index + 1, c).isTrue();
        var end = Pattern.compile("(?m)^(\\d+ (Standard|Upgrade|Extension|Promotion) \\d{4}-\\d\\d-\\d\\d |\\.\\.\\. and \\d+ more|Verification$)")
                .matcher(text);
        return end.find(start.end()) ? text.substring(start.start(), end.start()) : text.substring(start.start());
    }

    static String kind(Coverage c) {
        return c.kind().name().charAt(0) + c.kind().name().substring(1).toLowerCase(Locale.ROOT);
    }

    @Test
    void theVerificationCodePrintedOnThePageVerifiesWithThePublicKeyAlone() throws IOException {
        Certificate certificate = withLines("H1B50A1234567", "X1-BOOST", List.of(
                new Coverage(CoverageKind.STANDARD, LocalDate.of(2023, 5, 2), LocalDate.of(2028, 5, 1), "standard warranty", "PARTS,LABOUR,TRANSPORT"),
                new Coverage(CoverageKind.UPGRADE, LocalDate.of(2028, 5, 2), LocalDate.of(2033, 5, 1), "online upgrade", "PARTS")));
        String text = text(CertificatePdf.standard().toBytes(certificate));

        String code = verificationCode(text);
        assertThat(code).isEqualTo(certificate.toCompactText());
        CertificateVerifier verifier = CertificateVerifier.fromPublicKeyText(
                CertificateVerifier.of(SIGNER.publicKey()).publicKeyText());
        assertThat(verifier.check(code).valid()).isTrue();
        assertThat(Certificate.fromCompactText(code)).isEqualTo(certificate);
    }

    @Test
    void samplePageRendersToPng() throws IOException {
        byte[] pdf = CertificatePdf.standard().toBytes(sample());
        Files.createDirectories(Path.of("target"));
        Files.write(Path.of("target", "certificate-sample.pdf"), pdf);
        BufferedImage image = png(pdf, "certificate-sample.png");
        assertThat(image.getWidth()).isBetween(826, 828);
        assertThat(image.getHeight()).isBetween(1169, 1170);
    }

    /** Renders the page at 100 dpi into target/{@code name} for a person to look at. */
    static BufferedImage png(byte[] pdf, String name) throws IOException {
        Path png = Path.of("target", name);
        Files.createDirectories(png.getParent());
        try (PDDocument document = Loader.loadPDF(pdf)) {
            BufferedImage image = new PDFRenderer(document).renderImageWithDPI(0, 100, ImageType.RGB);
            assertThat(ImageIO.write(image, "png", png.toFile())).isTrue();
            return image;
        }
    }

    @Test
    void writingToAFileReplacesItAndAStreamIsLeftOpen(@TempDir Path dir) throws IOException {
        Certificate certificate = sample();
        Path file = dir.resolve("out/certificate.pdf");
        CertificatePdf.render(certificate, file);
        long first = Files.size(file);
        CertificatePdf.render(certificate, file);
        assertThat(Files.size(file)).isEqualTo(first);
        assertThat(text(Files.readAllBytes(file))).contains(certificate.number());
        try (var files = Files.list(file.getParent())) {
            assertThat(files).containsExactly(file);
        }

        boolean[] closed = {false};
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        OutputStream out = new OutputStream() {
            @Override
            public void write(int b) {
                bytes.write(b);
            }

            @Override
            public void write(byte[] b, int off, int len) {
                bytes.write(b, off, len);
            }

            @Override
            public void close() {
                closed[0] = true;
            }
        };
        CertificatePdf.render(certificate, out);
        assertThat(closed[0]).isFalse();
        assertThat(new String(bytes.toByteArray(), 0, 5, StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
    }

    @Test
    void textTheFontCannotShowIsReplacedButTheCodeKeepsIt() throws IOException {
        Certificate certificate = withLines("H1B50A1234567", "X1-BOOST", List.of(
                new Coverage(CoverageKind.STANDARD, LocalDate.of(2023, 5, 2), LocalDate.of(2028, 5, 1), "standard warranty", "PARTS,LABOUR"),
                new Coverage(CoverageKind.PROMOTION, LocalDate.of(2028, 5, 2), LocalDate.of(2029, 5, 1),
                        "Aktion Sommer – 10 € Rabatt, 夏季 campaign\tline\nbreak", "PARTS,LABOUR")));
        String text = text(CertificatePdf.standard().toBytes(certificate));

        assertThat(flat(text)).contains("Aktion Sommer – 10 € Rabatt, ?? campaign line break");
        assertThat(Certificate.fromCompactText(verificationCode(text)).coverages().get(1).source().toString())
                .isEqualTo("Aktion Sommer – 10 € Rabatt, 夏季 campaign\tline\nbreak");
    }

    /** The text font travels with the file, cut to the glyphs the page uses, so the file stays small. */
    @Test
    void theFontIsEmbeddedAsASubsetAndTheFileStaysSmall() throws IOException {
        byte[] pdf = CertificatePdf.standard().toBytes(sample());
        try (PDDocument document = Loader.loadPDF(pdf)) {
            var resources = document.getPage(0).getResources();
            List<String> embedded = new ArrayList<>();
            for (var name : resources.getFontNames()) {
                var font = resources.getFont(name);
                if (font.isEmbedded()) {
                    embedded.add(font.getName());
                }
            }
            assertThat(embedded).hasSize(2).allMatch(n -> n.matches("[A-Z]{6}\\+DejaVuSansCondensed(-Bold)?"));
        }
        System.out.println("sample certificate PDF: " + pdf.length + " bytes");
        assertThat(pdf.length).as("bytes").isLessThan(40_000);
    }

    /** Issue 19: Czech, Polish, Greek and Ukrainian print exactly, so the text read back is the text put in. */
    @Test
    void everyEuropeanScriptPrintsExactly() throws IOException {
        String czech = "Záruční list: Žluťoučký kůň ďábelsky úpí";
        String polish = "Gwarancja: Zażółć gęślą jaźń, Łódź";
        String greek = "Πιστοποιητικό εγγύησης: προώθηση Άνοιξη";
        String ukrainian = "Гарантійний сертифікат: акція «Весна» ґанок їжак";
        Certificate certificate = withLines("H1B50A1234567", "X1-BOOST", List.of(
                new Coverage(CoverageKind.STANDARD, LocalDate.of(2023, 5, 2), LocalDate.of(2028, 5, 1), "standard warranty", "PARTS,LABOUR"),
                new Coverage(CoverageKind.PROMOTION, LocalDate.of(2028, 5, 2), LocalDate.of(2029, 5, 1), greek, "PARTS,LABOUR"),
                new Coverage(CoverageKind.PROMOTION, LocalDate.of(2029, 5, 2), LocalDate.of(2030, 5, 1), ukrainian, "PARTS,LABOUR")));
        byte[] pdf = CertificatePdf.titled(czech).issuedBy(polish).toBytes(certificate);

        String text = text(pdf);
        assertThat(text.lines()).contains(czech + " CERTIFICATE NO.").anySatisfy(l -> assertThat(l).startsWith(polish));
        assertThat(flat(text)).contains(greek, ukrainian).doesNotContain("?");
        png(pdf, "certificate-european-scripts.png");
    }

    @Test
    void aMakerTitleAndIssuerReplaceTheDefaults() throws IOException {
        String text = text(CertificatePdf.titled("ACME Solar Warranty Certificate").issuedBy("ACME Solar GmbH, Freiburg")
                .verificationHint("Verify at https://acme.example/verify").toBytes(sample()));
        assertThat(text).contains("ACME Solar Warranty Certificate", "ACME Solar GmbH, Freiburg",
                "Verify at https://acme.example/verify").doesNotContain("Solar Warranty Certificate\n");
    }

    /** The text on one line: wrapped table cells read as they were given. */
    static String flat(String text) {
        return text.replaceAll("\\s+", " ");
    }

    /** The first words of a source, as they appear on the row's first line. */
    static String firstWords(String source) {
        String[] words = source.split(" ");
        return String.join(" ", Arrays.copyOf(words, Math.min(3, words.length)));
    }

    /** The lines under "Verification code", joined. */
    static String verificationCode(String text) {
        List<String> lines = text.lines().toList();
        int label = -1;
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).startsWith("Verification code")) {
                label = i;
            }
        }
        assertThat(label).as("verification code label").isNotNegative();
        List<String> code = new ArrayList<>();
        for (int i = label + 1; i < lines.size() && !lines.get(i).startsWith("Certificate WK-"); i++) {
            code.add(lines.get(i).strip());
        }
        return String.join("", code);
    }
}
