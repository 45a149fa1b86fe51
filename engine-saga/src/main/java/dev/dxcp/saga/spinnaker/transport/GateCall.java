package dev.dxcp.saga.spinnaker.transport;

import java.util.Map;

/**
 * One HTTP call to the engine, relative to the configured base URL.
 *
 * @param path       path and query relative to the base URL, starting with {@code /}
 * @param body       JSON body, or null for none
 * @param headers    DXCP headers ({@code X-Spinnaker-User}, {@code X-Request-Id}); engine credentials are
 *                   added by {@link GateAuth}
 * @param idempotent whether the call may be retried; only GET and cancel are (a trigger is never retried)
 */
public record GateCall(String method, String path, String body, Map<String, String> headers, boolean idempotent) {

    /** The kind of call, for metrics: named from the method and the path's shape (spinnaker-gate §2). */
    public String operation() {
        String path = pathWithoutQuery();
        if (path.equals("/health")) {
            return "health";
        }
        if (path.endsWith("/cancel")) {
            return "cancel";
        }
        if (path.endsWith("/pipelineConfigs")) {
            return "pipelines";
        }
        if (path.contains("/executions/search") || path.contains("/executions")) {
            return "search";
        }
        if (path.startsWith("/applications")) {
            return "applications";
        }
        return method.equals("POST") ? "trigger" : "execution";
    }

    /** The path without its query string: queries may carry reasons or encoded trigger contents. */
    public String pathWithoutQuery() {
        int q = path.indexOf('?');
        return q < 0 ? path : path.substring(0, q);
    }
}
