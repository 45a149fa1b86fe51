package dev.dxcp.server.observability;

import org.springframework.web.server.ServerWebExchange;

/**
 * How a request ended when it ended without a regular answer: the body did not arrive in time, or the
 * client left before its answer. The access line (RequestIds) logs it; the edge records it.
 */
public final class RequestOutcome {
    /** The outcome's exchange attribute. */
    public static final String OUTCOME = "dxcp.outcome";
    /** The whole request body, once it has arrived (an empty array for none). */
    public static final String BODY_READ = "dxcp.body";

    private RequestOutcome() {
    }

    public static void bodyTimedOut(ServerWebExchange exchange) {
        exchange.getAttributes().put(OUTCOME, "body_timeout");
    }

    /** The client went away before its answer: before or after its body had arrived. */
    public static void abandoned(ServerWebExchange exchange) {
        exchange.getAttributes().putIfAbsent(OUTCOME, exchange.getAttribute(BODY_READ) == null
                ? "abandoned_before_body" : "abandoned_before_answer");
    }

    static String of(ServerWebExchange exchange) {
        return exchange.getAttribute(OUTCOME);
    }
}
