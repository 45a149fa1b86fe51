package dev.dxcp.saga.spinnaker;

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
record GateCall(String method, String path, String body, Map<String, String> headers, boolean idempotent) {

    /** The path without its query string: queries may carry reasons or encoded trigger contents. */
    String pathWithoutQuery() {
        int q = path.indexOf('?');
        return q < 0 ? path : path.substring(0, q);
    }
}
