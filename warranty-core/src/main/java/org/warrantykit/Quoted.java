package org.warrantykit;

/**
 * How a message quotes what a caller gave: in double quotes, cut to {@value #MAX_CHARACTERS}
 * characters (then "…"), with line breaks, other control characters, bidirectional overrides and
 * zero-width characters written as escapes. So a hostile input can neither flood a log nor make a
 * message or a log line read differently from what it holds.
 */
public final class Quoted {
    /** The most characters of an input a message repeats. */
    public static final int MAX_CHARACTERS = 60;

    private Quoted() {
    }

    /**
     * The input as a message quotes it.
     *
     * @param input what the caller gave; null is quoted as {@code ""}
     * @return the input in double quotes, cut and escaped
     */
    public static String of(String input) {
        if (input == null) {
            return "\"\"";
        }
        StringBuilder quoted = new StringBuilder(Math.min(input.length(), MAX_CHARACTERS) + 8).append('"');
        int shown = 0;
        for (int i = 0; i < input.length(); ) {
            if (shown == MAX_CHARACTERS) {
                return quoted.append("\"…").toString();
            }
            int c = input.codePointAt(i);
            i += Character.charCount(c);
            shown++;
            switch (c) {
                case '\n' -> quoted.append("\\n");
                case '\r' -> quoted.append("\\r");
                case '\t' -> quoted.append("\\t");
                case '"' -> quoted.append("\\\"");
                case '\\' -> quoted.append("\\\\");
                default -> {
                    if (hidden(c)) {
                        quoted.append(String.format("\\u%04X", c));
                    } else {
                        quoted.appendCodePoint(c);
                    }
                }
            }
        }
        return quoted.append('"').toString();
    }

    /** Characters that change how the text around them shows, or show as nothing. */
    private static boolean hidden(int c) {
        return Character.isISOControl(c)
                || c >= 0x202A && c <= 0x202E || c >= 0x2066 && c <= 0x2069 // bidi embeddings, overrides, isolates
                || c == 0x200E || c == 0x200F || c == 0x061C                // bidi marks
                || c >= 0x200B && c <= 0x200D || c == 0x2060 || c == 0xFEFF // zero-width
                || Character.getType(c) == Character.SURROGATE || Character.getType(c) == Character.UNASSIGNED
                || Character.getType(c) == Character.FORMAT;
    }
}
