package dev.dxcp.saga.spinnaker.failure;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Turns the engine's failure fields into text that is safe to match against the §9 text rules.
 *
 * <p>Why so careful (spinnaker-gate §7.5): serialising a whole exception object drags in stack traces and
 * class names ({@code …orca.pipeline…}, {@code …Connection…}) that trip the {@code pipeline} and
 * {@code connection} patterns; Orca's webhook messages say "for pipeline &lt;id&gt; to &lt;url&gt;", and URLs
 * (an {@code s3://…-artifacts/…} bucket, a {@code /pipelineConfigs} path) hold words that mean nothing
 * about the failure. So exceptions are read the way the engine's own UI reads them — the non-empty
 * {@code details.errors}, else {@code details.error} — and URLs, qualified class names, stack frames and
 * the "for pipeline &lt;id&gt;" phrase are removed from every text.
 */
final class SignalText {

    private static final Pattern STACK_FRAME = Pattern.compile("(?m)^\\s*at\\s+\\S+\\(.*$|\\s+at\\s+[\\w$.]+\\([\\w$.]*:\\d+\\)");
    private static final Pattern URL = Pattern.compile("(?i)\\b[a-z][a-z0-9+.-]*://\\S+");
    private static final Pattern QUALIFIED_CLASS = Pattern.compile("\\b(?:[a-z_][\\w$]*\\.){2,}[A-Za-z_$][\\w$]*");
    private static final Pattern FOR_PIPELINE_ID = Pattern.compile("(?i)\\bfor pipeline \\S+");
    private static final Pattern SPACES = Pattern.compile("\\s+");
    private static final int MAX_LENGTH = 2000;

    private SignalText() {
    }

    /** Removes what must never be matched (see class comment) and collapses whitespace. */
    static String clean(String raw) {
        if (raw == null || raw.isBlank()) {
            return "";
        }
        String text = raw.length() > MAX_LENGTH ? raw.substring(0, MAX_LENGTH) : raw;
        text = STACK_FRAME.matcher(text).replaceAll(" ");
        text = URL.matcher(text).replaceAll(" ");
        text = QUALIFIED_CLASS.matcher(text).replaceAll(" ");
        text = FOR_PIPELINE_ID.matcher(text).replaceAll(" ");
        return SPACES.matcher(text).replaceAll(" ").trim();
    }

    /**
     * Readable text of any failure field: a string as is; an exception object by its errors; another
     * object by its {@code message}/{@code error}/{@code detail}; an array entry by entry. Never
     * {@code stackTrace}, {@code exceptionType} or {@code implementingClass}.
     */
    static String of(JsonNode node) {
        if (node == null || node.isNull() || node.isMissingNode()) {
            return "";
        }
        if (node.isValueNode()) {
            return clean(node.asText());
        }
        if (node.isArray()) {
            List<String> parts = new ArrayList<>();
            node.forEach(item -> {
                String part = of(item);
                if (!part.isEmpty()) {
                    parts.add(part);
                }
            });
            return String.join("; ", parts);
        }
        if (node.has("details") && node.get("details").isObject()) {
            return ofException(node);
        }
        for (String field : List.of("message", "error", "detail", "errors", "errorMessage")) {
            String text = of(node.get(field));
            if (!text.isEmpty()) {
                return text;
            }
        }
        return "";
    }

    /**
     * An Orca exception object (spinnaker-gate §7.1): non-empty {@code details.errors}, else
     * {@code details.error}, else {@code message}. Structured facts that the text may not say are added
     * as words the rules know: a network-kind failure as "connection failure", a 5xx as "http 5xx".
     */
    static String ofException(JsonNode exception) {
        JsonNode details = exception.path("details");
        String text = of(details.get("errors"));
        if (text.isEmpty()) {
            text = of(details.get("error"));
        }
        if (text.isEmpty()) {
            text = of(exception.get("message"));
        }
        if ("NETWORK".equalsIgnoreCase(details.path("kind").asText(""))) {
            text = text + " (connection failure)";
        }
        int status = details.path("status").asInt(0);
        if (status >= 500) {
            text = text + " (http " + status + ")";
        }
        return text.trim();
    }
}
