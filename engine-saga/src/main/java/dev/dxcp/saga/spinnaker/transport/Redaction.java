package dev.dxcp.saga.spinnaker.transport;

import java.net.URI;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Masks secrets in any text that may reach a log line, an exception message or an operator hint
 * (governance §12: bearer tokens, {@code token=}/{@code api_key=}/cookie values masked, URLs reduced to
 * {@code scheme://host/...}). Applied to everything the adapter puts into an {@link EngineCallException}.
 */
public final class Redaction {

    static final String MASK = "***";

    private static final Pattern BEARER = Pattern.compile("(?i)\\b(bearer\\s+[A-Za-z0-9._~+/=-]+|basic\\s+[A-Za-z0-9+/=]{8,})");
    private static final Pattern AUTH_HEADER = Pattern.compile("(?i)\\b(authorization|proxy-authorization)(\\s*[:=]\\s*)[^\\r\\n,;]+");
    private static final Pattern COOKIE_HEADER = Pattern.compile("(?i)\\b(set-cookie|cookie)(\\s*[:=]\\s*)[^\\r\\n]+");
    private static final Pattern KEY_VALUE = Pattern.compile(
            "(?i)\\b(access_token|id_token|refresh_token|token|api_key|apikey|client_secret|password|secret|session|jsessionid)"
                    + "(\\s*=\\s*)[^&\\s\"',;]+");
    private static final Pattern JSON_SECRET = Pattern.compile(
            "(?i)(\"(?:access_token|id_token|refresh_token|token|api_key|apikey|client_secret|password|secret)\"\\s*:\\s*)\"[^\"]*\"");
    private static final Pattern URL = Pattern.compile("(?i)\\b([a-z][a-z0-9+.-]*)://([^\\s/\"'<>?#]+)([^\\s\"'<>]*)");

    private Redaction() {
    }

    /** Masks credentials, then reduces every URL to {@code scheme://host/...}. Null stays null. */
    public static String redact(String text) {
        if (text == null) {
            return null;
        }
        String out = AUTH_HEADER.matcher(text).replaceAll("$1$2" + MASK);
        out = BEARER.matcher(out).replaceAll(match -> match.group(1).split("\\s+")[0] + " " + MASK);
        out = COOKIE_HEADER.matcher(out).replaceAll("$1$2" + MASK);
        out = JSON_SECRET.matcher(out).replaceAll("$1\"" + MASK + "\"");
        out = KEY_VALUE.matcher(out).replaceAll("$1$2" + MASK);
        return reduceUrls(out);
    }

    /**
     * Reduces one URL to {@code scheme://host[:port]/...}; user info is dropped because it may carry a
     * password. The port is kept: it is not secret and is what an operator needs to spot a wrong target.
     */
    public static String reduceUrl(String url) {
        if (url == null || url.isBlank()) {
            return url;
        }
        return reduceUrls(url.trim());
    }

    private static String reduceUrls(String text) {
        Matcher m = URL.matcher(text);
        StringBuilder sb = new StringBuilder();
        while (m.find()) {
            String authority = m.group(2);
            int at = authority.lastIndexOf('@');
            if (at >= 0) {
                authority = authority.substring(at + 1);
            }
            String rest = m.group(3);
            boolean hasMore = rest != null && !rest.isEmpty() && !rest.equals("/");
            String reduced = m.group(1).toLowerCase() + "://" + authority + (hasMore ? "/..." : "");
            m.appendReplacement(sb, Matcher.quoteReplacement(reduced));
        }
        m.appendTail(sb);
        return sb.toString();
    }

    /** Host and port of a base URL, without user info or path; null when it cannot be parsed. */
    static String hostOf(String baseUrl) {
        if (baseUrl == null || baseUrl.isBlank()) {
            return null;
        }
        try {
            URI uri = URI.create(baseUrl.trim());
            if (uri.getHost() == null) {
                return null;
            }
            return uri.getPort() >= 0 ? uri.getHost() + ":" + uri.getPort() : uri.getHost();
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
