package org.warrantykit.pdf;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.warrantykit.Certificate;
import org.warrantykit.CertificateVerifier;
import org.warrantykit.Coverage;
import org.warrantykit.CoverageKind;
import org.warrantykit.CoverageSource;
import org.warrantykit.Covered;
import org.warrantykit.OrderId;
import org.warrantykit.pdf.CertificatePdfLayoutTest.Word;

/** The certificate in the owner's language (issue 19): labels, dates, scopes and sources per locale. */
class CertificatePdfLanguagesTest {
    private static final Pattern ARGUMENT = Pattern.compile("\\{(\\d+)");

    static Properties bundle(Locale language) {
        String name = "certificate" + (language.equals(Locale.ENGLISH) ? "" : "_" + language.getLanguage()) + ".properties";
        try (InputStream in = CertificatePdf.class.getResourceAsStream(name)) {
            assertThat(in).as(name).isNotNull();
            Properties properties = new Properties();
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
            return properties;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Set<String> arguments(String pattern) {
        Set<String> found = new TreeSet<>();
        Matcher m = ARGUMENT.matcher(pattern);
        while (m.find()) {
            found.add(m.group(1));
        }
        return found;
    }

    @Test
    void everyShippedLanguageHasExactlyTheEnglishKeysWithTheSameArguments() {
        Properties english = bundle(Locale.ENGLISH);
        assertThat(english).isNotEmpty();
        for (Locale language : Labels.SHIPPED) {
            Properties translated = bundle(language);
            assertThat(translated.stringPropertyNames()).as("keys of %s", language)
                    .containsExactlyInAnyOrderElementsOf(english.stringPropertyNames());
            for (String key : english.stringPropertyNames()) {
                assertThat(arguments(translated.getProperty(key))).as("arguments of %s in %s", key, language)
                        .isEqualTo(arguments(english.getProperty(key)));
                assertThat(translated.getProperty(key)).as("%s in %s", key, language).isNotBlank();
            }
        }
    }

    /** Every kind, every source form, the longest and shortest scope: what a translation must fit. */
    static Certificate everyKindAndSource() {
        return CertificatePdfTest.withLines("H1B50A1234567", "X3-HYBRID-G4", List.of(
                new Coverage(CoverageKind.STANDARD, LocalDate.of(2023, 5, 2), LocalDate.of(2028, 5, 1),
                        CoverageSource.standard(), CertificatePdfTest.EU_SCOPE),
                new Coverage(CoverageKind.UPGRADE, LocalDate.of(2028, 5, 2), LocalDate.of(2033, 5, 1),
                        CoverageSource.upgrade(), Covered.scope(Covered.PARTS)),
                new Coverage(CoverageKind.EXTENSION, LocalDate.of(2033, 5, 2), LocalDate.of(2035, 5, 1),
                        CoverageSource.batch("B-20261127-Q95FBA"), CertificatePdfTest.EU_SCOPE),
                new Coverage(CoverageKind.PROMOTION, LocalDate.of(2035, 5, 2), LocalDate.of(2036, 5, 1),
                        CoverageSource.promotion("SUMMER25"), CertificatePdfTest.EU_SCOPE),
                new Coverage(CoverageKind.EXTENSION, LocalDate.of(2036, 5, 2), LocalDate.of(2041, 5, 1),
                        CoverageSource.order(new OrderId("O-359D5903-16CE-45D0-8DBA-5E5DF563CC15")),
                        Covered.scope(Covered.PARTS, Covered.LABOUR))));
    }

    @Test
    void aCzechCertificateSpeaksCzechAndCarriesTheSameSignedCode() throws IOException {
        Certificate certificate = everyKindAndSource();
        byte[] pdf = CertificatePdf.standard().inLocale(Locale.forLanguageTag("cs")).toBytes(certificate);
        String text = CertificatePdfTest.text(pdf);

        assertThat(text).contains("Záruční certifikát", "ČÍSLO CERTIFIKÁTU", "Vystaveno podle záručních podmínek výrobce",
                        "SÉRIOVÉ ČÍSLO", "Záruka od 2. 5. 2023 do 1. 5. 2041", "včetně obou dnů")
                .contains("1 Standardní 2. 5. 2023 1. 5. 2028 standardní záruka")
                .contains("2 Upgrade 2. 5. 2028 1. 5. 2033 online upgrade záruky")
                .contains("kód prodloužené záruky, série B-20261127-Q95FBA", "propagační kód SUMMER25",
                        "objednávka O-359D5903-16CE-45D0-8DBA-5E5DF563CC15")
                .contains("Kryje: díly, práci a dopravu", "Kryje: pouze díly", "Kryje: díly a práci")
                .doesNotContain("Covers", "Standard ", "?");
        String code = code(text, "Certifikát WK-");
        assertThat(code).isEqualTo(CertificatePdfTest.verificationCode(
                CertificatePdfTest.text(CertificatePdf.standard().toBytes(certificate))));
        assertThat(CertificateVerifier.of(CertificatePdfTest.SIGNER.publicKey()).check(code).valid()).isTrue();
        assertThat(Certificate.fromCompactText(code)).isEqualTo(certificate);
        CertificatePdfTest.png(pdf, "certificate-cs.png");
    }

    /** The verification code's lines (from the one that starts it to the footer), joined. */
    static String code(String text, String footer) {
        List<String> lines = text.lines().map(String::strip).toList();
        int first = 0;
        while (first < lines.size() && !lines.get(first).startsWith("WKC")) {
            first++;
        }
        StringBuilder code = new StringBuilder();
        for (int i = first; i < lines.size() && !lines.get(i).startsWith(footer); i++) {
            code.append(lines.get(i));
        }
        return code.toString();
    }

    @Test
    void aRegionalLocaleReadsItsLanguageAndAnyOtherLocaleEnglish() throws IOException {
        Certificate certificate = everyKindAndSource();
        String austrian = CertificatePdfTest.text(CertificatePdf.standard().inLocale(Locale.forLanguageTag("de-AT"))
                .toBytes(certificate));
        assertThat(austrian).contains("Garantiezertifikat", "Garantie vom 02.05.2023 bis 01.05.2041", "Deckt: nur Teile");
        String japanese = CertificatePdfTest.text(CertificatePdf.standard().inLocale(Locale.JAPANESE).toBytes(certificate));
        assertThat(japanese).isEqualTo(CertificatePdfTest.text(CertificatePdf.standard().toBytes(certificate)));
        String makerTitled = CertificatePdfTest.text(CertificatePdf.titled("ACME Záruka").issuedBy("ACME s.r.o.")
                .inLocale(Locale.forLanguageTag("cs")).toBytes(certificate));
        assertThat(makerTitled).contains("ACME Záruka", "ACME s.r.o.").doesNotContain("Záruční certifikát");
    }

    /** The longest translations stay in their cells: no text on the page overlaps other text, in any language. */
    @Test
    void everyShippedLanguageLaysOutWithoutOverlaps() throws IOException {
        Certificate certificate = everyKindAndSource();
        for (Locale language : Labels.SHIPPED) {
            byte[] pdf = CertificatePdf.standard().inLocale(language).toBytes(certificate);
            String text = CertificatePdfTest.text(pdf);
            assertThat(text).as("%s", language).doesNotContain("?").doesNotContain("...\n");
            List<Word> words = CertificatePdfLayoutTest.words(pdf);
            for (int i = 0; i < words.size(); i++) {
                for (int k = i + 1; k < words.size(); k++) {
                    assertThat(words.get(i).overlaps(words.get(k))).as("%s: %s overlaps %s", language, words.get(i),
                            words.get(k)).isFalse();
                }
            }
            CertificatePdfTest.png(pdf, "certificate-" + language.getLanguage() + ".png");
        }
    }
}
