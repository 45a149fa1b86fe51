package dev.dxcp.server.http;

/**
 * Characters no DXCP text field may carry: C0/C1 control characters and DEL (NUL bytes and line
 * breaks end up in logs, engine parameters and UIs) and Unicode bidirectional overrides, which make
 * text display differently from what it is (e.g. a file name that reads as ".zip" but ends in ".exe").
 */
public final class TextRules {
    private TextRules() {
    }

    public static boolean hasForbiddenCharacters(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < 0x20 || c == 0x7f || c >= 0x80 && c <= 0x9f || c >= 0x202a && c <= 0x202e
                    || c >= 0x2066 && c <= 0x2069) {
                return true;
            }
        }
        return false;
    }
}
