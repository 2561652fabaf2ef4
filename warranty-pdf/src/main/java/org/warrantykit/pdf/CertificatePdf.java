package org.warrantykit.pdf;

import java.awt.Color;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.GregorianCalendar;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.warrantykit.Certificate;
import org.warrantykit.Coverage;
import org.warrantykit.CoverageKind;
import org.warrantykit.Covered;

/**
 * Renders a {@link Certificate} as a one-page A4 PDF: the maker's title, device and owner, the
 * overall validity, one table row per coverage line (kind, dates, source and what the line covers,
 * e.g. "Covers: parts only"), the certificate number, and what a verifier needs (key id, signature
 * and the certificate's compact verification code). Text is set in DejaVu Sans Condensed, shipped in the jar
 * subset to the European scripts and embedded as a subset of the glyphs a certificate uses: Latin
 * with every diacritic, Greek and Cyrillic print exactly, and text extracted from the PDF is the text
 * put in. Text the font cannot show (e.g. CJK in a campaign name) is printed as {@code ?}; the
 * verification code keeps it exactly.
 *
 * <pre>{@code
 * CertificatePdf.render(service.certificate(account, serial), Path.of("certificate.pdf"));
 * CertificatePdf.titled("ACME Solar Warranty Certificate").issuedBy("ACME Solar GmbH").write(certificate, out);
 * }</pre>
 *
 * Instances are immutable and thread-safe.
 */
public final class CertificatePdf {
    /** The title printed when none is set, in English (each language has its own, see {@link #inLocale}). */
    public static final String DEFAULT_TITLE = "Solar Warranty Certificate";
    /** The issuer line printed when none is set, in English. */
    public static final String DEFAULT_ISSUER = "Issued under the manufacturer's warranty terms";

    private static final PDRectangle PAGE = PDRectangle.A4;
    private static final float MARGIN = 50;
    private static final float WIDTH = PAGE.getWidth() - 2 * MARGIN;
    private static final Color NAVY = new Color(0x1F, 0x3A, 0x5F);
    private static final Color ACCENT = new Color(0xF5, 0xA6, 0x23);
    private static final Color INK = new Color(0x22, 0x2B, 0x36);
    private static final Color MUTED = new Color(0x5F, 0x6B, 0x7A);
    private static final Color RULE = new Color(0xC9, 0xD2, 0xDD);
    private static final Color HEADER_FILL = new Color(0xE6, 0xEC, 0xF3);
    private static final Color STRIPE_FILL = new Color(0xF6, 0xF8, 0xFA);
    private static final Color VALIDITY_FILL = new Color(0xFE, 0xF4, 0xE3);

    /** The maker's title and issuer line; null: the locale's default. */
    private final String title;
    private final String issuer;
    private final String verificationHint;
    private final Locale locale;

    private CertificatePdf(String title, String issuer, String verificationHint, Locale locale) {
        this.title = title;
        this.issuer = issuer;
        this.verificationHint = verificationHint;
        this.locale = locale;
    }

    /**
     * The default layout: "Solar Warranty Certificate".
     *
     * @return a layout with {@link #DEFAULT_TITLE}, {@link #DEFAULT_ISSUER} and the offline verification hint
     */
    public static CertificatePdf standard() {
        return new CertificatePdf(null, null, null, Locale.ENGLISH);
    }

    /**
     * The default layout under the maker's own title.
     *
     * @param title the title printed at the top (stripped)
     * @return a layout with {@code title} and the default issuer line ({@link #DEFAULT_ISSUER} in English)
     * @throws IllegalArgumentException if {@code title} is null or blank
     */
    public static CertificatePdf titled(String title) {
        return new CertificatePdf(requireText(title, "title"), null, null, Locale.ENGLISH);
    }

    /**
     * The line under the title, e.g. the maker's legal name.
     *
     * @param issuer the issuer line (stripped)
     * @return a copy of this layout with {@code issuer}
     * @throws IllegalArgumentException if {@code issuer} is null or blank
     */
    public CertificatePdf issuedBy(String issuer) {
        return new CertificatePdf(title, requireText(issuer, "issuer"), verificationHint, locale);
    }

    /**
     * Where people verify, e.g. "Verify at https://maker.example/verify or with the public key
     * published there." Default: how to verify offline with {@code CertificateVerifier}.
     *
     * @param hint the text printed in the verification block (stripped)
     * @return a copy of this layout with {@code hint}
     * @throws IllegalArgumentException if {@code hint} is null or blank
     */
    public CertificatePdf verificationHint(String hint) {
        return new CertificatePdf(title, issuer, requireText(hint, "verification hint"), locale);
    }

    /**
     * The language of the page: its labels, dates ({@code 1. 5. 2028} in Czech, {@code 01.05.2028} in
     * German), what each line covers, the sources' words and, unless the maker set them, the title and
     * issuer line. Shipped: en, cs, de, pl, nl, it, fr, es; a regional locale ({@code de-AT}) prints its
     * language, any other locale English. The verification code is the same in every language.
     *
     * @param locale the owner's locale
     * @return a copy of this layout in {@code locale}
     * @throws NullPointerException if {@code locale} is null
     */
    public CertificatePdf inLocale(Locale locale) {
        return new CertificatePdf(title, issuer, verificationHint, Objects.requireNonNull(locale, "locale"));
    }

    /**
     * Writes the certificate with the {@link #standard()} layout to {@code out} (not closed).
     *
     * @param certificate the certificate to render
     * @param out         where the PDF goes; flushed, not closed
     * @throws NullPointerException if an argument is null
     * @throws UncheckedIOException if rendering or writing fails
     */
    public static void render(Certificate certificate, OutputStream out) {
        standard().write(certificate, out);
    }

    /**
     * As {@link #render(Certificate, OutputStream)}, in the owner's language (see {@link #inLocale}).
     *
     * @param certificate the certificate to render
     * @param out         where the PDF goes; flushed, not closed
     * @param locale      the owner's locale
     * @throws NullPointerException if an argument is null
     * @throws UncheckedIOException if rendering or writing fails
     */
    public static void render(Certificate certificate, OutputStream out, Locale locale) {
        standard().inLocale(locale).write(certificate, out);
    }

    /**
     * Writes the certificate with the {@link #standard()} layout to a file, replacing it.
     *
     * @param certificate the certificate to render
     * @param file        the PDF file; missing parent folders are created
     * @throws NullPointerException if an argument is null
     * @throws UncheckedIOException if rendering or writing fails (no partial file is left)
     */
    public static void render(Certificate certificate, Path file) {
        standard().write(certificate, file);
    }

    /**
     * As {@link #render(Certificate, Path)}, in the owner's language (see {@link #inLocale}).
     *
     * @param certificate the certificate to render
     * @param file        the PDF file; missing parent folders are created
     * @param locale      the owner's locale
     * @throws NullPointerException if an argument is null
     * @throws UncheckedIOException if rendering or writing fails (no partial file is left)
     */
    public static void render(Certificate certificate, Path file, Locale locale) {
        standard().inLocale(locale).write(certificate, file);
    }

    /**
     * Writes the PDF to {@code out} and flushes it; the stream stays open.
     *
     * @param certificate the certificate to render
     * @param out         where the PDF goes
     * @throws NullPointerException if an argument is null
     * @throws UncheckedIOException if rendering or writing fails
     */
    public void write(Certificate certificate, OutputStream out) {
        Objects.requireNonNull(out, "out");
        byte[] pdf = toBytes(certificate);
        try {
            out.write(pdf);
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException("could not write certificate " + certificate.number() + " PDF", e);
        }
    }

    /**
     * Writes the PDF to a file, replacing it; a failed write leaves no partial file behind.
     *
     * @param certificate the certificate to render
     * @param file        the PDF file; missing parent folders are created, the file is replaced atomically
     * @throws NullPointerException if an argument is null
     * @throws UncheckedIOException if rendering or writing fails
     */
    public void write(Certificate certificate, Path file) {
        Objects.requireNonNull(file, "file");
        byte[] pdf = toBytes(certificate);
        Path target = file.toAbsolutePath();
        try {
            Path dir = target.getParent();
            if (dir != null) {
                Files.createDirectories(dir);
            }
            Path temp = Files.createTempFile(dir, ".certificate-", ".pdf.tmp");
            try {
                Files.write(temp, pdf);
                Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (IOException e) {
                Files.deleteIfExists(temp);
                throw e;
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not write certificate " + certificate.number() + " PDF to " + file, e);
        }
    }

    /**
     * The PDF as bytes.
     *
     * @param certificate the certificate to render
     * @return the one-page PDF document
     * @throws NullPointerException if {@code certificate} is null
     * @throws UncheckedIOException if rendering fails
     */
    public byte[] toBytes(Certificate certificate) {
        Objects.requireNonNull(certificate, "certificate");
        try (PDDocument document = new PDDocument()) {
            PDPage page = new PDPage(PAGE);
            document.addPage(page);
            Labels labels = Labels.of(locale);
            describe(document, certificate, labels);
            Fonts fonts = new Fonts(document);
            try (PDPageContentStream content = new PDPageContentStream(document, page)) {
                new Layout(content, fonts, certificate, labels).draw();
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream(8192);
            document.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("could not render certificate " + certificate.number(), e);
        }
    }

    private String title(Labels labels) {
        return title != null ? title : labels.text("title.default");
    }

    private String issuer(Labels labels) {
        return issuer != null ? issuer : labels.text("issuer.default");
    }

    private void describe(PDDocument document, Certificate certificate, Labels labels) {
        PDDocumentInformation info = document.getDocumentInformation();
        info.setTitle(title(labels) + " " + certificate.number());
        info.setSubject("Warranty of device " + certificate.serial().value() + " (" + certificate.model() + ")");
        info.setAuthor(issuer(labels));
        info.setCreator("warranty-kit");
        info.setKeywords(certificate.number() + ", " + certificate.serial().value());
        GregorianCalendar issued = GregorianCalendar.from(certificate.issuedAt().atZone(ZoneOffset.UTC));
        info.setCreationDate(issued);
        info.setModificationDate(issued);
    }

    private static String requireText(String text, String what) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("the certificate PDF needs a " + what);
        }
        return text.strip();
    }

    /** DejaVu Sans Condensed, subset to the European scripts, as shipped in the jar (fonts/LICENSE-DejaVu.txt). */
    private static final byte[] REGULAR_FONT = fontFile("DejaVuSansCondensed.ttf");
    private static final byte[] BOLD_FONT = fontFile("DejaVuSansCondensed-Bold.ttf");

    private static byte[] fontFile(String name) {
        try (var in = CertificatePdf.class.getResourceAsStream("fonts/" + name)) {
            if (in == null) {
                throw new IllegalStateException("the certificate font " + name + " is missing from the warranty-pdf jar");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("could not read the certificate font " + name, e);
        }
    }

    /**
     * The fonts of one document: DejaVu Sans Condensed embedded as a subset of the glyphs used (Latin with all
     * diacritics, Greek and Cyrillic print exactly); Courier, a standard font, for the verification
     * code and signature, which are ASCII.
     */
    private static final class Fonts {
        final PDFont regular;
        final PDFont bold;
        final PDFont mono = new PDType1Font(Standard14Fonts.FontName.COURIER);

        Fonts(PDDocument document) throws IOException {
            regular = PDType0Font.load(document, new ByteArrayInputStream(REGULAR_FONT), true);
            bold = PDType0Font.load(document, new ByteArrayInputStream(BOLD_FONT), true);
        }
    }

    /** Draws one certificate top to bottom; the verification block is anchored to the page foot. */
    private final class Layout {
        private final PDPageContentStream out;
        private final Fonts fonts;
        private final Certificate certificate;
        private final Labels labels;
        private final String title;
        private final String issuer;
        private final float top = PAGE.getHeight();

        Layout(PDPageContentStream out, Fonts fonts, Certificate certificate, Labels labels) {
            this.out = out;
            this.fonts = fonts;
            this.certificate = certificate;
            this.labels = labels;
            this.title = CertificatePdf.this.title(labels);
            this.issuer = CertificatePdf.this.issuer(labels);
        }

        void draw() throws IOException {
            float y = header();
            y = intro(y);
            y = details(y);
            y = validity(y);
            // The table needs its header, one row (a source line and the scope line) and the note on
            // what it left out: 10 + 20 + 27 + 17 at the smallest size.
            float footTop = verification(y - 74);
            coverageTable(y, footTop + 22);
        }

        /** The coloured band with title, issuer and number; returns the y below it. */
        private float header() throws IOException {
            float bandHeight = 90;
            fill(NAVY, 0, top - bandHeight, PAGE.getWidth(), bandHeight);
            fill(ACCENT, 0, top - bandHeight - 5, PAGE.getWidth(), 5);
            float right = MARGIN + WIDTH;
            String issued = labels.text("header.issued", labels.dateTime(certificate.issuedAt()));
            String numberLabel = labels.capitals("header.number");
            // the number, its label and the issue time, right-aligned, decide how much room the title has
            float rightBlock = Math.max(170, Math.max(widthOf(fonts.bold, 12, certificate.number()),
                    Math.max(widthOf(fonts.regular, 8.5f, issued),
                            widthOf(fonts.regular, 8.5f, numberLabel))));
            float titleWidth = WIDTH - rightBlock - 12;
            float titleSize = 24;
            while (titleSize > 15 && widthOf(fonts.bold, titleSize, title) > titleWidth) {
                titleSize -= 0.5f;
            }
            text(fonts.bold, titleSize, Color.WHITE, MARGIN, top - 46, fit(title, fonts.bold, titleSize, titleWidth));
            text(fonts.regular, 10.5f, new Color(0xD6, 0xE0, 0xEC), MARGIN, top - 68,
                    fit(issuer, fonts.regular, 10.5f, WIDTH - rightBlock - 12));
            textRight(fonts.regular, 8.5f, new Color(0xD6, 0xE0, 0xEC), right, top - 38, numberLabel);
            textRight(fonts.bold, 12, Color.WHITE, right, top - 54, certificate.number());
            textRight(fonts.regular, 8.5f, new Color(0xD6, 0xE0, 0xEC), right, top - 68, issued);
            return top - bandHeight - 5;
        }

        private float intro(float y) throws IOException {
            float baseline = y - 28;
            for (String line : wrap(labels.text("intro"), fonts.regular, 10, WIDTH)) {
                text(fonts.regular, 10, INK, MARGIN, baseline, line);
                baseline -= 14;
            }
            return baseline + 14;
        }

        /** Device, owner and issue data in a grid of three columns and two rows. */
        private float details(float y) throws IOException {
            float top = y - 22;
            sectionTitle(top, labels.text("section.device"));
            float gap = 16;
            float[] widths = {(WIDTH - 2 * gap) * 0.3f, (WIDTH - 2 * gap) * 0.3f, (WIDTH - 2 * gap) * 0.4f};
            float[] xs = {MARGIN, MARGIN + widths[0] + gap, MARGIN + widths[0] + widths[1] + 2 * gap};
            // Row 1: serial, model, issue time; row 2: the owner across two columns (account ids can be
            // e-mail addresses), the rule set in the third. The number is in the header band already.
            float rowTop = top - 22;
            float below = Math.min(field(xs[0], rowTop, widths[0], "field.serial", certificate.serial().value()),
                    Math.min(field(xs[1], rowTop, widths[1], "field.model", certificate.model()),
                            field(xs[2], rowTop, widths[2], "field.issued", labels.dateTime(certificate.issuedAt()))));
            rowTop = below;
            below = Math.min(field(xs[0], rowTop, widths[0] + gap + widths[1], "field.owner", certificate.owner().value()),
                    field(xs[2], rowTop, widths[2], "field.ruleSet",
                            certificate.ruleSetVersion().isBlank() ? "-" : certificate.ruleSetVersion()));
            rowTop = below;
            return rowTop;
        }

        /** A label over a value (wrapped to at most two lines); returns the y below it. */
        private float field(float x, float y, float width, String labelKey, String value) throws IOException {
            text(fonts.regular, 8, MUTED, x, y, fit(labels.capitals(labelKey), fonts.regular, 8, width));
            float size = 11;
            while (size > 8.5f && widthOf(fonts.bold, size, value) > width) {
                size -= 0.5f;
            }
            List<String> lines = wrap(value, fonts.bold, size, width);
            if (lines.size() > 2) {
                lines = List.of(lines.get(0), fit(lines.get(1) + " " + lines.get(2), fonts.bold, size, width));
            }
            float baseline = y - 14;
            for (String line : lines) {
                text(fonts.bold, size, INK, x, baseline, line);
                baseline -= 13;
            }
            return baseline - 9;
        }

        private float validity(float y) throws IOException {
            float height = 46;
            float boxTop = y - 4;
            fill(VALIDITY_FILL, MARGIN, boxTop - height, WIDTH, height);
            fill(ACCENT, MARGIN, boxTop - height, 4, height);
            text(fonts.regular, 8, MUTED, MARGIN + 16, boxTop - 15, labels.capitals("validity.label"));
            String inclusive = labels.text("validity.inclusive");
            String span = labels.text("validity.span", labels.date(certificate.validFrom()), labels.date(certificate.validUntil()));
            float room = WIDTH - 16 - 14 - 12 - widthOf(fonts.regular, 8.5f, inclusive);
            float size = 15;
            while (size > 11 && widthOf(fonts.bold, size, span) > room) {
                size -= 0.5f;
            }
            text(fonts.bold, size, INK, MARGIN + 16, boxTop - 35, fit(span, fonts.bold, size, room));
            textRight(fonts.regular, 8.5f, MUTED, MARGIN + WIDTH - 14, boxTop - 35, inclusive);
            return boxTop - height;
        }

        /** One row per coverage line between {@code y} and {@code floor}; shrinks rows when there are many. */
        private void coverageTable(float y, float floor) throws IOException {
            float top = y - 26;
            sectionTitle(top, labels.text("section.coverage"));
            // the Kind column fits the language's longest kind, in bold at the largest size
            float kindWidth = 66;
            for (CoverageKind kind : CoverageKind.values()) {
                kindWidth = Math.max(kindWidth, widthOf(fonts.bold, 10, labels.kind(kind)) + 12);
            }
            float[] widths = {22, kindWidth, 60, 60, WIDTH - 22 - kindWidth - 60 - 60};
            String[] headers = {labels.text("column.number"), labels.text("column.kind"), labels.text("column.start"),
                    labels.text("column.end"), labels.text("column.source")};
            float headerTop = top - 10;
            float headerHeight = 20;
            fill(HEADER_FILL, MARGIN, headerTop - headerHeight, WIDTH, headerHeight);
            float x = MARGIN;
            for (int i = 0; i < headers.length; i++) {
                text(fonts.bold, 9, NAVY, x + 6, headerTop - 13.5f, headers[i]);
                x += widths[i];
            }
            List<Coverage> lines = certificate.coverages();
            float available = headerTop - headerHeight - floor;
            float size = 10;
            List<List<String>> sources = sources(lines, size, widths[4] - 12);
            while (size > 7.5f && rowsHeight(sources, size) > available) {
                size -= 0.5f;
                sources = sources(lines, size, widths[4] - 12);
            }
            float rowTop = headerTop - headerHeight;
            int fitting = 0;
            float used = 0;
            for (List<String> source : sources) {
                if (used + rowHeight(source.size(), size) > available) {
                    break;
                }
                used += rowHeight(source.size(), size);
                fitting++;
            }
            int shown = fitting;
            if (fitting < lines.size()) {
                // Keep one row for the note that says what was left out.
                while (shown > 0 && rowsHeight(sources.subList(0, shown), size) + rowHeight(1, size) > available) {
                    shown--;
                }
            }
            for (int i = 0; i < shown; i++) {
                List<String> source = sources.get(i);
                float height = rowHeight(source.size(), size);
                // the last line of a row is its scope, see sources()
                if (i % 2 == 1) {
                    fill(STRIPE_FILL, MARGIN, rowTop - height, WIDTH, height);
                }
                Coverage c = lines.get(i);
                float baseline = rowTop - 1.46f * size;
                String[] cells = {Integer.toString(i + 1), labels.kind(c.kind()), labels.date(c.start()), labels.date(c.end())};
                x = MARGIN;
                for (int k = 0; k < cells.length; k++) {
                    text(k == 1 ? fonts.bold : fonts.regular, size, INK, x + 6, baseline, cells[k]);
                    x += widths[k];
                }
                for (String part : source.subList(0, source.size() - 1)) {
                    text(fonts.regular, size, INK, x + 6, baseline, part);
                    baseline -= size * 1.3f;
                }
                String coversLabel = labels.text("covers.label");
                text(fonts.regular, size, MUTED, x + 6, baseline, coversLabel);
                text(fonts.bold, size, INK, x + 6 + labelWidth(coversLabel, size), baseline, source.get(source.size() - 1));
                rowTop -= height;
                line(RULE, MARGIN, rowTop, MARGIN + WIDTH, rowTop);
            }
            if (shown < lines.size()) {
                text(fonts.regular, size, MUTED, MARGIN + 6, rowTop - 1.46f * size,
                        fit(labels.text("table.more", lines.size() - shown), fonts.regular, size, WIDTH - 12));
            }
        }

        /**
         * The source cell of each row: the source wrapped to at most three lines, then the line's
         * scope in words (printed after the "Covers:" label), e.g. "parts only".
         */
        private List<List<String>> sources(List<Coverage> lines, float size, float width) throws IOException {
            List<List<String>> all = new ArrayList<>(lines.size());
            float scopeWidth = width - labelWidth(labels.text("covers.label"), size);
            for (Coverage c : lines) {
                List<String> wrapped = wrap(labels.source(c.source()), fonts.regular, size, width);
                List<String> cell = new ArrayList<>(wrapped.size() > 3
                        ? List.of(wrapped.get(0), wrapped.get(1), fit(wrapped.get(2) + " " + wrapped.get(3), fonts.regular, size, width))
                        : wrapped);
                cell.add(fit(labels.scope(c.covers()), fonts.bold, size, scopeWidth));
                all.add(List.copyOf(cell));
            }
            return all;
        }

        /** The width of the "Covers:" label and the space after it. */
        private float labelWidth(String label, float size) throws IOException {
            return widthOf(fonts.regular, size, label) + width(fonts.regular, size, " ");
        }

        private float rowsHeight(List<List<String>> sources, float size) {
            float sum = 0;
            for (List<String> s : sources) {
                sum += rowHeight(s.size(), size);
            }
            return sum;
        }

        private float rowHeight(int lineCount, float size) {
            return lineCount * size * 1.3f + size * 0.9f;
        }

        /**
         * Key id, signature and verification code at the foot of the page, kept below {@code ceiling}:
         * the code is the whole certificate, so it is never cut, and a long one is set smaller (down to
         * {@value #SMALLEST_CODE_SIZE} pt) rather than printed over the fields above. Returns the top y.
         */
        private float verification(float ceiling) throws IOException {
            float footer = 30;
            line(RULE, MARGIN, footer + 12, MARGIN + WIDTH, footer + 12);
            text(fonts.regular, 7.5f, MUTED, MARGIN, footer, labels.text("footer", certificate.number(),
                    certificate.serial().value()));
            textRight(fonts.regular, 7.5f, MUTED, MARGIN + WIDTH, footer, "warranty-kit");

            String signatureLabel = labels.text("verification.signature");
            float signatureIndent = Math.max(62, widthOf(fonts.bold, 7.5f, signatureLabel) + 8);
            List<String> signature = hardWrap(certificate.signature(), fonts.mono, 7.5f, WIDTH - signatureIndent);
            List<String> hintLines = new ArrayList<>();
            hintLines.addAll(wrap(labels.text("verification.signed", certificate.keyId()), fonts.regular, 8, WIDTH));
            hintLines.addAll(wrap(verificationHint != null ? verificationHint : labels.text("verification.hint"),
                    fonts.regular, 8, WIDTH));
            float rest = 2 + 16 + signature.size() * 7.5f * 1.3f + 4 + hintLines.size() * 8 * 1.35f + 8 + 12;
            float mono = 5.6f;
            List<String> code = hardWrap(certificate.toCompactText(), fonts.mono, mono, WIDTH);
            while (mono > SMALLEST_CODE_SIZE && footer + 26 + code.size() * mono * 1.2f + rest > ceiling) {
                mono = Math.max(SMALLEST_CODE_SIZE, mono - 0.2f);
                code = hardWrap(certificate.toCompactText(), fonts.mono, mono, WIDTH);
            }

            float y = footer + 26;
            for (int i = code.size() - 1; i >= 0; i--) {
                text(fonts.mono, mono, MUTED, MARGIN, y, code.get(i));
                y += mono * 1.2f;
            }
            text(fonts.bold, 7.5f, INK, MARGIN, y + 2, labels.text("verification.code"));
            y += 16;
            for (int i = signature.size() - 1; i >= 0; i--) {
                text(fonts.mono, 7.5f, INK, MARGIN + signatureIndent, y, signature.get(i));
                if (i == 0) {
                    text(fonts.bold, 7.5f, INK, MARGIN, y, signatureLabel);
                }
                y += 7.5f * 1.3f;
            }
            y += 4;
            for (int i = hintLines.size() - 1; i >= 0; i--) {
                text(fonts.regular, 8, INK, MARGIN, y, hintLines.get(i));
                y += 8 * 1.35f;
            }
            y += 8;
            sectionTitle(y, labels.text("section.verification"));
            return y + 12;
        }

        private void sectionTitle(float baseline, String name) throws IOException {
            text(fonts.bold, 11, NAVY, MARGIN, baseline, name);
            fill(ACCENT, MARGIN, baseline - 5, 28, 1.6f);
        }

        private void fill(Color color, float x, float y, float w, float h) throws IOException {
            out.setNonStrokingColor(color);
            out.addRect(x, y, w, h);
            out.fill();
        }

        private void line(Color color, float x1, float y1, float x2, float y2) throws IOException {
            out.setStrokingColor(color);
            out.setLineWidth(0.6f);
            out.moveTo(x1, y1);
            out.lineTo(x2, y2);
            out.stroke();
        }

        private void text(PDFont font, float size, Color color, float x, float y, String text) throws IOException {
            out.beginText();
            out.setFont(font, size);
            out.setNonStrokingColor(color);
            out.newLineAtOffset(x, y);
            out.showText(printable(font, text));
            out.endText();
        }

        private void textRight(PDFont font, float size, Color color, float right, float y, String text)
                throws IOException {
            String shown = printable(font, text);
            text(font, size, color, right - width(font, size, shown), y, shown);
        }
    }

    /** The text with blanks collapsed and every character the font cannot encode replaced by '?'. */
    static String printable(PDFont font, String text) {
        StringBuilder shown = new StringBuilder(text.length());
        text.strip().codePoints().forEach(cp -> {
            if (Character.isWhitespace(cp) || Character.isISOControl(cp) || Character.isSpaceChar(cp)) {
                if (shown.length() > 0 && shown.charAt(shown.length() - 1) != ' ') {
                    shown.append(' ');
                }
                return;
            }
            String ch = new String(Character.toChars(cp));
            try {
                font.encode(ch);
                shown.append(ch);
            } catch (IllegalArgumentException | IOException e) {
                shown.append('?');
            }
        });
        return shown.toString();
    }

    static float width(PDFont font, float size, String printable) throws IOException {
        return font.getStringWidth(printable) / 1000f * size;
    }

    /** The width of {@code text} as it is printed (see {@link #printable}). */
    static float widthOf(PDFont font, float size, String text) throws IOException {
        return width(font, size, printable(font, text));
    }

    /** The smallest size of the verification code's text: still copyable and machine-readable. */
    static final float SMALLEST_CODE_SIZE = 3.0f;

    /** Word wrap to {@code width}; words longer than a line are broken. */
    static List<String> wrap(String text, PDFont font, float size, float width) throws IOException {
        String shown = printable(font, text);
        List<String> lines = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (String word : shown.split(" ")) {
            if (word.isEmpty()) {
                continue;
            }
            String candidate = current.length() == 0 ? word : current + " " + word;
            if (width(font, size, candidate) <= width) {
                current.setLength(0);
                current.append(candidate);
                continue;
            }
            if (current.length() > 0) {
                lines.add(current.toString());
                current.setLength(0);
            }
            if (width(font, size, word) <= width) {
                current.append(word);
            } else {
                List<String> pieces = hardWrap(word, font, size, width);
                lines.addAll(pieces.subList(0, pieces.size() - 1));
                current.append(pieces.get(pieces.size() - 1));
            }
        }
        if (current.length() > 0 || lines.isEmpty()) {
            lines.add(current.toString());
        }
        return lines;
    }

    /** Breaks text at any character so each line fits {@code width}. */
    static List<String> hardWrap(String text, PDFont font, float size, float width) throws IOException {
        String shown = printable(font, text);
        List<String> lines = new ArrayList<>();
        int start = 0;
        while (start < shown.length()) {
            int end = start + 1;
            while (end < shown.length() && width(font, size, shown.substring(start, end + 1)) <= width) {
                end++;
            }
            lines.add(shown.substring(start, end));
            start = end;
        }
        if (lines.isEmpty()) {
            lines.add("");
        }
        return lines;
    }

    /** The text, cut with an ellipsis if it is wider than {@code width}. */
    static String fit(String text, PDFont font, float size, float width) throws IOException {
        String shown = printable(font, text);
        if (width(font, size, shown) <= width) {
            return shown;
        }
        int end = shown.length();
        while (end > 1 && width(font, size, shown.substring(0, end) + "...") > width) {
            end--;
        }
        return shown.substring(0, end) + "...";
    }
}
