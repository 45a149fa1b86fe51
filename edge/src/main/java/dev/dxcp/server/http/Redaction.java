package dev.dxcp.server.http;

import java.util.regex.Pattern;

/** Masks secrets in operator hints (governance §12): bearer tokens, token/api_key/cookie values, URL paths. */
public final class Redaction {
    private static final Pattern BEARER = Pattern.compile("(?i)(bearer\\s+)[A-Za-z0-9._~+/=-]+");
    private static final Pattern KEY_VALUE =
            Pattern.compile("(?i)\\b(token|api_key|apikey|client_secret|password|cookie|set-cookie)(\\s*[=:]\\s*)[^\\s&;,]+");
    private static final Pattern URL = Pattern.compile("(?i)\\b(https?)://([^/\\s:?#]+)(:\\d+)?[^\\s]*");

    private Redaction() {
    }

    public static String redact(String text) {
        if (text == null) {
            return null;
        }
        String masked = BEARER.matcher(text).replaceAll("$1***");
        masked = KEY_VALUE.matcher(masked).replaceAll("$1$2***");
        return URL.matcher(masked).replaceAll("$1://$2/...");
    }
}
