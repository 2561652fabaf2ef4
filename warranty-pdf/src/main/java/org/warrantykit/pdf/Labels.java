package org.warrantykit.pdf;

import java.text.MessageFormat;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.ResourceBundle;
import java.util.Set;
import org.warrantykit.CoverageKind;
import org.warrantykit.CoverageSource;
import org.warrantykit.Covered;

/**
 * The certificate's texts in one language, from the {@code certificate} bundle beside this class:
 * {@code certificate_cs.properties} etc., English ({@code certificate.properties}) for every other
 * locale. A regional locale ({@code de-AT}) reads its language's file; the JVM's default locale never
 * decides (the owner's locale does).
 */
final class Labels {
    static final String BUNDLE = "org.warrantykit.pdf.certificate";
    /** The languages shipped, English first. */
    static final List<Locale> SHIPPED = List.of(Locale.ENGLISH, Locale.forLanguageTag("cs"), Locale.GERMAN,
            Locale.forLanguageTag("pl"), Locale.forLanguageTag("nl"), Locale.ITALIAN, Locale.FRENCH,
            Locale.forLanguageTag("es"));

    private final Locale locale;
    private final ResourceBundle bundle;
    private final DateTimeFormatter date;
    private final DateTimeFormatter dateTime;

    private Labels(Locale locale) {
        this.locale = locale;
        this.bundle = ResourceBundle.getBundle(BUNDLE, locale,
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
        this.date = DateTimeFormatter.ofPattern(bundle.getString("date.pattern"), locale);
        this.dateTime = DateTimeFormatter.ofPattern(bundle.getString("datetime.pattern"), locale)
                .withZone(ZoneOffset.UTC);
    }

    static Labels of(Locale locale) {
        return new Labels(locale);
    }

    /** The language whose file was read (empty for English, the base file). */
    Locale language() {
        return bundle.getLocale();
    }

    String text(String key, Object... arguments) {
        return new MessageFormat(bundle.getString(key), locale).format(arguments);
    }

    /** A label printed in capitals (field names, "CERTIFICATE NO."). */
    String capitals(String key) {
        return text(key).toUpperCase(locale);
    }

    String date(LocalDate day) {
        return date.format(day);
    }

    String dateTime(Instant instant) {
        return dateTime.format(instant);
    }

    String kind(CoverageKind kind) {
        return text("kind." + kind.name());
    }

    /** A scope in words: "parts only", "parts, labour and transport". */
    String scope(Set<Covered> scope) {
        List<String> words = Covered.scope(scope).stream().map(c -> text("covered." + c.name())).toList();
        if (words.size() == 1) {
            return text("scope.only", words.get(0));
        }
        return text("scope.list", String.join(", ", words.subList(0, words.size() - 1)), words.get(words.size() - 1));
    }

    /** A line's source for a person; a source of no known form is printed as it was recorded. */
    String source(CoverageSource source) {
        return switch (source.kind()) {
            case OTHER -> source.toString();
            case STANDARD, UPGRADE -> text("source." + source.kind().name());
            default -> text("source." + source.kind().name(), source.reference().orElse(""));
        };
    }
}
