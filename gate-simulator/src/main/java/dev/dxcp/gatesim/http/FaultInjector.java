package dev.dxcp.gatesim.http;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dxcp.gatesim.control.Endpoint;
import dev.dxcp.gatesim.control.Fault;
import dev.dxcp.gatesim.json.Json;
import dev.dxcp.gatesim.orca.HttpStatusNames;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Turns an armed {@link Fault} into what the client experiences. A fault either replaces Gate's
 * answer ({@link #instead}) or spoils it after Gate did the work ({@link #spoil}).
 */
final class FaultInjector {

    /** What the server should do: answer with {@code response}, drop the connection, or go on normally. */
    record Action(GateResponse response, boolean drop) {
        static final Action PROCEED = new Action(null, false);
        static final Action DROP = new Action(null, true);

        static Action answer(GateResponse response) {
            return new Action(response, false);
        }

        boolean proceeds() {
            return response == null && !drop;
        }
    }

    private final Clock clock;

    FaultInjector(Clock clock) {
        this.clock = clock;
    }

    /** A fault that strikes before Gate handles the request: the request has no effect. */
    Action instead(Fault fault, Endpoint endpoint, HttpCall call) {
        return switch (fault.kind()) {
            case LATENCY -> {
                sleep(latency(fault));
                yield Action.PROCEED;
            }
            case HANG -> {
                sleep(fault.delay());
                yield Action.DROP;
            }
            case DROP_CONNECTION -> Action.DROP;
            case PROXY_ERROR -> Action.answer(proxyPage(fault.status()));
            case SERVER_ERROR -> Action.answer(serverError(endpoint, call));
            case RATE_LIMITED -> Action.answer(rateLimited());
            case MALFORMED_JSON, MISSING_REF -> Action.PROCEED;
        };
    }

    /** A fault that strikes after Gate handled the request (a trigger has started its execution). */
    Action spoil(Fault fault, GateResponse response) {
        return switch (fault.kind()) {
            case LATENCY -> {
                sleep(latency(fault));
                yield Action.answer(response);
            }
            case HANG -> {
                sleep(fault.delay());
                yield Action.DROP;
            }
            case DROP_CONNECTION -> Action.DROP;
            case MALFORMED_JSON -> Action.answer(response.withBody(truncated(response.body())));
            case MISSING_REF -> Action.answer(response.status() == 202
                    ? response.withBody(Json.write(Json.object())) : response);
            case PROXY_ERROR, SERVER_ERROR, RATE_LIMITED -> Action.answer(response);
        };
    }

    private static Duration latency(Fault fault) {
        long jitter = fault.jitter().toMillis();
        return fault.delay().plusMillis(jitter == 0 ? 0 : ThreadLocalRandom.current().nextLong(jitter + 1));
    }

    /** Cut mid-document so no JSON parser accepts it. */
    private static byte[] truncated(byte[] body) {
        if (body == null || body.length < 4) {
            return "{\"".getBytes(StandardCharsets.UTF_8);
        }
        return Arrays.copyOf(body, body.length / 2);
    }

    /** A reverse proxy's own error page: HTML, and none of Gate's headers. */
    private static GateResponse proxyPage(int status) {
        String title = status + " " + (status == 504 ? "Gateway Time-out" : HttpStatusNames.reasonPhrase(status));
        return GateResponse.text(status, "text/html", "<html>\r\n<head><title>" + title + "</title></head>\r\n<body>\r\n"
                + "<center><h1>" + title + "</h1></center>\r\n<hr><center>nginx</center>\r\n</body>\r\n</html>\r\n");
    }

    /** Gate failing to reach Orca or Front50: a Spring error body, wrapped like Gate wraps trigger failures. */
    private GateResponse serverError(Endpoint endpoint, HttpCall call) {
        String cause = "java.net.SocketException: Connection reset";
        String message = endpoint == Endpoint.TRIGGER
                ? "Unable to trigger pipeline (application: " + call.pathVariable("application") + ", pipelineNameOrId: "
                        + call.pathVariable("pipelineNameOrId") + "). Error: " + cause
                : cause;
        return ErrorBodies.of(clock, 500, endpoint == Endpoint.TRIGGER ? GateError.PIPELINE_EXCEPTION : GateError.NETWORK,
                message);
    }

    /** Gate's rate limiter (spec §3.4). */
    private GateResponse rateLimited() {
        ObjectNode body = Json.object();
        body.put("message", "Rate capacity exceeded");
        return GateResponse.json(429, body)
                .withHeader("X-RateLimit-Capacity", "60")
                .withHeader("X-RateLimit-Remaining", "0")
                .withHeader("X-RateLimit-Reset", String.valueOf(clock.millis() + 1_000))
                .withHeader("X-RateLimit-Learning", "false");
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            // The simulator is stopping: give up the wait and let the caller finish the exchange.
            Thread.currentThread().interrupt();
        }
    }
}
