package org.warrantykit;

import java.security.SecureRandom;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The shape of the codes a person types: extension codes {@code XXXX-XXXX-XXXX-XXXX} and
 * campaign codes such as {@code SUMMER25}.
 *
 * <p>Extension codes use 31 characters that cannot be mistaken for each other: the digits 2-9 and
 * the letters A-Z without I, L and O (so never 0/O, 1/I/L). Fifteen random characters (about 74
 * bits) are followed by a check character chosen so that {@code sum((i + 1) * value(c[i])) mod 31
 * == 0} over all 16 characters. Because 31 is prime and the weights 1..16 are distinct and non-zero
 * modulo 31, any single substituted character and any swap of two characters (adjacent or not)
 * changes the sum, so such a typo is {@link CodeRejectedException.Reason#MALFORMED} before any
 * look-up. (Luhn mod N would miss swaps of the first and last character of the alphabet.)
 *
 * <p>Input is forgiving about case and surrounding blanks; an extension code may be typed with
 * dashes or spaces between its four groups, or without any separator.
 */
final class CodeFormat {
    static final String ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ";
    static final int MODULUS = ALPHABET.length(); // 31, prime
    static final int LENGTH = 16;
    static final int GROUP = 4;
    static final int CAMPAIGN_MIN = 3;
    static final int CAMPAIGN_MAX = 12;
    private static final Pattern CAMPAIGN = Pattern.compile("[A-Z0-9]{" + CAMPAIGN_MIN + "," + CAMPAIGN_MAX + "}");
    private static final Pattern GROUPED = Pattern.compile("[A-Z0-9]{4}([- ])[A-Z0-9]{4}\\1[A-Z0-9]{4}\\1[A-Z0-9]{4}");
    private static final Pattern COMPACT = Pattern.compile("[A-Z0-9]{16}");
    static final String EXTENSION_SHAPE = "an extension code is 16 characters in groups of four, like "
            + "7KQ4-M2XD-9PRT-H3VB";
    static final String CAMPAIGN_SHAPE = "a promotion code is 3 to 12 letters and digits, like SUMMER25";

    static {
        if (MODULUS != 31) {
            throw new AssertionError("the check character relies on a prime alphabet size");
        }
    }

    private CodeFormat() {
    }

    /** What a typed code turned out to be. */
    sealed interface Parsed permits ExtensionText, CampaignText {
    }

    /** A well-formed extension code in compact form (16 characters, check character valid). */
    record ExtensionText(String compact) implements Parsed {
        @Override
        public String toString() {
            return "ExtensionText[****]"; // never log a redeemable code
        }
    }

    /** A promotion code, upper-case. */
    record CampaignText(String code) implements Parsed {
    }

    /** Classifies and checks a typed code; a typo or an impossible shape is MALFORMED. */
    static Parsed parse(String input) {
        if (input == null || input.isBlank()) {
            throw malformed("No code was entered; " + EXTENSION_SHAPE + ", and " + CAMPAIGN_SHAPE + ".");
        }
        String text = input.strip().toUpperCase(Locale.ROOT);
        String compact;
        if (GROUPED.matcher(text).matches()) {
            compact = text.replace("-", "").replace(" ", "");
        } else if (COMPACT.matcher(text).matches()) {
            compact = text;
        } else if (CAMPAIGN.matcher(text).matches()) {
            return new CampaignText(text);
        } else {
            throw malformed("This is not a code we issue: " + EXTENSION_SHAPE + " (dashes optional), and "
                    + CAMPAIGN_SHAPE + ".");
        }
        for (int i = 0; i < compact.length(); i++) {
            char c = compact.charAt(i);
            if (ALPHABET.indexOf(c) < 0) {
                throw malformed("Character " + (i + 1) + " of the code, '" + c + "', never occurs in extension "
                        + "codes (they contain no 0, 1, I, L or O); please check what you typed.");
            }
        }
        if (!checks(compact)) {
            throw malformed("The code contains a typo (its check character does not match); please check "
                    + "what you typed.");
        }
        return new ExtensionText(compact);
    }

    /** A fresh random extension code, grouped with dashes. */
    static String generate(SecureRandom random) {
        char[] chars = new char[LENGTH];
        for (int i = 0; i < LENGTH - 1; i++) {
            chars[i] = ALPHABET.charAt(random.nextInt(MODULUS));
        }
        chars[LENGTH - 1] = checkCharacter(new String(chars, 0, LENGTH - 1));
        return group(new String(chars));
    }

    /** The character that makes the weighted sum of {@code body} (15 characters) plus it 0 mod 31. */
    static char checkCharacter(String body) {
        if (body.length() != LENGTH - 1) {
            throw new IllegalArgumentException("a code body has " + (LENGTH - 1) + " characters");
        }
        int sum = weightedSum(body);
        // value * LENGTH == -sum (mod 31); the inverse of 16 mod 31 is 2 (16 * 2 = 32 = 1 mod 31)
        int value = Math.floorMod(-sum * inverse(LENGTH), MODULUS);
        return ALPHABET.charAt(value);
    }

    /** Whether a compact 16-character code of the alphabet carries a valid check character. */
    static boolean checks(String compact) {
        return compact.length() == LENGTH && weightedSum(compact) % MODULUS == 0;
    }

    /** {@code XXXX-XXXX-XXXX-XXXX} from 16 characters. */
    static String group(String compact) {
        StringBuilder grouped = new StringBuilder(LENGTH + 3);
        for (int i = 0; i < compact.length(); i++) {
            if (i > 0 && i % GROUP == 0) {
                grouped.append('-');
            }
            grouped.append(compact.charAt(i));
        }
        return grouped.toString();
    }

    private static int weightedSum(String chars) {
        int sum = 0;
        for (int i = 0; i < chars.length(); i++) {
            int value = ALPHABET.indexOf(chars.charAt(i));
            if (value < 0) {
                throw new IllegalArgumentException("not a code character: " + chars.charAt(i));
            }
            sum = (sum + (i + 1) * value) % MODULUS;
        }
        return sum;
    }

    private static int inverse(int a) {
        for (int x = 1; x < MODULUS; x++) {
            if ((a * x) % MODULUS == 1) {
                return x;
            }
        }
        throw new AssertionError(a + " has no inverse mod " + MODULUS);
    }

    private static CodeRejectedException malformed(String message) {
        return new CodeRejectedException(CodeRejectedException.Reason.MALFORMED, message);
    }
}
