package org.warrantykit.jdbc;

import java.util.ArrayList;
import java.util.List;

/**
 * A list of strings as a JSON array (RFC 8259), the form of the {@code fired_rules} columns: any
 * SQL client or {@code fired_rules::jsonb} on PostgreSQL can read it. Written compactly, escaping
 * only what JSON requires plus unpaired surrogates (which no UTF-8 driver could send as they are);
 * read strictly, so a corrupt column fails instead of decoding to different names.
 */
final class JsonStringArray {
    private JsonStringArray() {
    }

    static String write(List<String> items) {
        StringBuilder out = new StringBuilder(2 + items.size() * 16);
        out.append('[');
        for (int i = 0; i < items.size(); i++) {
            if (i > 0) {
                out.append(',');
            }
            writeString(out, items.get(i));
        }
        return out.append(']').toString();
    }

    private static void writeString(StringBuilder out, String text) {
        out.append('"');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                case '\b' -> out.append("\\b");
                case '\f' -> out.append("\\f");
                default -> {
                    if (c < 0x20 || isUnpairedSurrogate(text, i)) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }

    private static boolean isUnpairedSurrogate(String text, int i) {
        char c = text.charAt(i);
        if (Character.isHighSurrogate(c)) {
            return i + 1 >= text.length() || !Character.isLowSurrogate(text.charAt(i + 1));
        }
        return Character.isLowSurrogate(c) && (i == 0 || !Character.isHighSurrogate(text.charAt(i - 1)));
    }

    /** @throws IllegalArgumentException when {@code json} is not one JSON array of strings */
    static List<String> read(String json) {
        return new Reader(json).array();
    }

    private static final class Reader {
        private final String json;
        private int at;

        Reader(String json) {
            this.json = json;
        }

        List<String> array() {
            List<String> items = new ArrayList<>();
            skipWhitespace();
            expect('[');
            skipWhitespace();
            if (peek() == ']') {
                at++;
            } else {
                while (true) {
                    items.add(string());
                    skipWhitespace();
                    char next = next();
                    if (next == ']') {
                        break;
                    }
                    if (next != ',') {
                        throw corrupt("',' or ']' expected");
                    }
                    skipWhitespace();
                }
            }
            skipWhitespace();
            if (at != json.length()) {
                throw corrupt("nothing may follow the array");
            }
            return items;
        }

        private String string() {
            expect('"');
            StringBuilder out = new StringBuilder();
            while (true) {
                char c = next();
                if (c == '"') {
                    return out.toString();
                }
                if (c < 0x20) {
                    throw corrupt("a control character must be escaped");
                }
                if (c != '\\') {
                    out.append(c);
                    continue;
                }
                char escaped = next();
                switch (escaped) {
                    case '"', '\\', '/' -> out.append(escaped);
                    case 'n' -> out.append('\n');
                    case 'r' -> out.append('\r');
                    case 't' -> out.append('\t');
                    case 'b' -> out.append('\b');
                    case 'f' -> out.append('\f');
                    case 'u' -> out.append(hexChar());
                    default -> throw corrupt("unknown escape \\" + escaped);
                }
            }
        }

        private char hexChar() {
            int value = 0;
            for (int i = 0; i < 4; i++) {
                // Not Character.digit or parseInt alone: they take other scripts' digits and a sign.
                char c = next();
                int digit = c < 0x80 ? Character.digit(c, 16) : -1;
                if (digit < 0) {
                    throw corrupt("\\u needs four hex digits");
                }
                value = value * 16 + digit;
            }
            return (char) value;
        }

        private void skipWhitespace() {
            while (at < json.length() && " \t\n\r".indexOf(json.charAt(at)) >= 0) {
                at++;
            }
        }

        private char peek() {
            if (at >= json.length()) {
                throw corrupt("the text ends early");
            }
            return json.charAt(at);
        }

        private char next() {
            char c = peek();
            at++;
            return c;
        }

        private void expect(char wanted) {
            if (next() != wanted) {
                at--;
                throw corrupt("'" + wanted + "' expected");
            }
        }

        private IllegalArgumentException corrupt(String problem) {
            return new IllegalArgumentException("not a JSON array of strings at character " + at + ": " + problem);
        }
    }
}
