package dev.dxcp.server.observability;

/**
 * How a value is written into a {@code key=value} log line so that nothing a caller sent can end the line
 * or a pair early: a line break in a token header must not become a second, forged line, and a quote or a
 * space in a path must not start a new key.
 *
 * <p>Line breaks, tabs, other C0/C1 control characters, the Unicode line and paragraph separators and the
 * bidirectional overrides (which make a terminal show text as something it is not) become {@code \n},
 * {@code \r}, {@code \t} or {@code \\uXXXX}. Inside quotes, backslashes and quotes are escaped too. A bare
 * value is quoted when it is empty or holds a space, a quote, a backslash, an {@code =} or an escaped
 * character, so a line always parses back into the pairs the code wrote.</p>
 */
public final class LogValues {
    private LogValues() {
    }

    /** Free text (a library's message): only what could break the line or fool a terminal is escaped. */
    public static String escapeControls(String text) {
        if (text == null || text.chars().noneMatch(LogValues::needsEscape)) {
            return text;
        }
        StringBuilder out = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            appendEscaped(out, text.charAt(i), false);
        }
        return out.toString();
    }

    /** A value the code put between quotes ({@code key="{}"}). */
    public static String insideQuotes(String value) {
        if (value == null) {
            return "null";
        }
        StringBuilder out = new StringBuilder(value.length() + 16);
        for (int i = 0; i < value.length(); i++) {
            appendEscaped(out, value.charAt(i), true);
        }
        return out.toString();
    }

    /** A bare value ({@code key={}}): as it is when it is one plain token, otherwise quoted. */
    public static String bare(String value) {
        if (value == null) {
            return "null";
        }
        if (!value.isEmpty() && value.chars().noneMatch(LogValues::needsQuotes)) {
            return value;
        }
        return '"' + insideQuotes(value) + '"';
    }

    private static boolean needsQuotes(int c) {
        return c == ' ' || c == '"' || c == '\\' || c == '=' || Character.isWhitespace(c) || Character.isSpaceChar(c)
                || needsEscape(c);
    }

    static boolean needsEscape(int c) {
        return Character.isISOControl(c) || c == '\u2028' || c == '\u2029' || (c >= '\u202A' && c <= '\u202E')
                || (c >= '\u2066' && c <= '\u2069');
    }

    private static void appendEscaped(StringBuilder out, char c, boolean quoted) {
        switch (c) {
            case '\n' -> out.append("\\n");
            case '\r' -> out.append("\\r");
            case '\t' -> out.append("\\t");
            case '"' -> out.append(quoted ? "\\\"" : "\"");
            case '\\' -> out.append(quoted ? "\\\\" : "\\");
            default -> {
                if (needsEscape(c)) {
                    out.append(String.format("\\u%04x", (int) c));
                } else {
                    out.append(c);
                }
            }
        }
    }
}
