package dev.dxcp.gatesim.http;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dxcp.gatesim.json.Json;
import dev.dxcp.gatesim.orca.HttpStatusNames;
import java.time.Clock;

/**
 * Spring's error document as Gate sends it (spec §1): timestamp, status, reason phrase, exception
 * class and message; {@code path} deliberately left out.
 */
final class ErrorBodies {

    private ErrorBodies() {
    }

    static GateResponse of(Clock clock, GateError error) {
        return of(clock, error.status, error.exceptionClass, error.getMessage());
    }

    static GateResponse of(Clock clock, int status, String exceptionClass, String message) {
        ObjectNode body = Json.object();
        body.put("timestamp", clock.millis());
        body.put("status", status);
        body.put("error", HttpStatusNames.reasonPhrase(status));
        if (exceptionClass != null) {
            body.put("exception", exceptionClass);
        }
        body.put("message", message);
        return GateResponse.json(status, body);
    }
}
