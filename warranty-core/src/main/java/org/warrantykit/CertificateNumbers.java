package org.warrantykit;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.random.RandomGenerator;
import java.util.regex.Pattern;

/**
 * Certificate numbers: {@code WK-yyyyMMdd-XXXXX-XXXXC}, the issue day, nine random symbols of
 * Crockford's base32 (45 bits, no I, L, O or U) and a Luhn mod 32 check symbol over the date and
 * the random part, so a mistyped or swapped symbol is caught before any look-up. Randomness makes a
 * collision unlikely; the {@link org.warrantykit.spi.CertificateStore} makes it impossible.
 */
final class CertificateNumbers {
    static final String ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
    private static final int N = ALPHABET.length();
    private static final String SYMBOL = "[0-9A-HJKMNP-TV-Z]";
    private static final Pattern SHAPE = Pattern.compile("WK-(\\d{8})-(" + SYMBOL + "{5})-(" + SYMBOL + "{5})");
    private static final DateTimeFormatter DAY = DateTimeFormatter.BASIC_ISO_DATE;
    static final String RULE = "a certificate number looks like WK-20260101-7K3QD-M2X9H (WK-, issue date, two groups of five)";

    private CertificateNumbers() {
    }

    static String next(LocalDate issuedOn, RandomGenerator random) {
        String date = DAY.format(issuedOn);
        StringBuilder randomPart = new StringBuilder(9);
        for (int i = 0; i < 9; i++) {
            randomPart.append(ALPHABET.charAt(random.nextInt(N)));
        }
        char check = checkSymbol(date + randomPart);
        return "WK-" + date + "-" + randomPart.substring(0, 5) + "-" + randomPart.substring(5) + check;
    }

    /** Shape, a real calendar date and a matching check symbol. */
    static boolean isWellFormed(String number) {
        if (number == null) {
            return false;
        }
        var m = SHAPE.matcher(number);
        if (!m.matches()) {
            return false;
        }
        try {
            LocalDate.parse(m.group(1), DAY);
        } catch (DateTimeParseException e) {
            return false;
        }
        String payload = m.group(1) + m.group(2) + m.group(3);
        return checkSymbol(payload.substring(0, payload.length() - 1)) == payload.charAt(payload.length() - 1);
    }

    /** Luhn mod N over Crockford base32: detects every single-symbol error and most adjacent swaps. */
    static char checkSymbol(String payload) {
        int factor = 2;
        int sum = 0;
        for (int i = payload.length() - 1; i >= 0; i--) {
            int value = ALPHABET.indexOf(payload.charAt(i));
            if (value < 0) {
                throw new IllegalArgumentException("not a base32 symbol: " + payload.charAt(i));
            }
            int addend = factor * value;
            factor = factor == 2 ? 1 : 2;
            sum += addend / N + addend % N;
        }
        return ALPHABET.charAt((N - sum % N) % N);
    }
}
