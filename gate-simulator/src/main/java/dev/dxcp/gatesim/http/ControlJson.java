package dev.dxcp.gatesim.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dxcp.gatesim.control.Endpoint;
import dev.dxcp.gatesim.control.Fault;
import dev.dxcp.gatesim.control.FaultPlan;
import dev.dxcp.gatesim.control.Outcome;
import dev.dxcp.gatesim.json.Json;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;

/**
 * The control API's JSON for outcomes and faults, read through the same factories the Java API
 * offers so both validate alike.
 *
 * <pre>
 * outcome: {"kind":"WEBHOOK_REJECTED","code":"artifact_bucket_mismatch"}
 *          {"kind":"WEBHOOK_REJECTED","status":409,"body":{"error":"no_previous_artifact"},"stage":"1"}
 *          {"kind":"FAILED_ON_STARTUP","message":"Pipeline is disabled and cannot be started."}
 * fault:   {"kind":"LATENCY","delayMs":500,"jitterMs":200}   {"kind":"PROXY_ERROR","status":502}
 *          {"kind":"DROP_CONNECTION","afterHandling":true}    {"kind":"HANG","delayMs":60000}
 * </pre>
 */
final class ControlJson {

    private ControlJson() {
    }

    static Outcome outcome(JsonNode json) {
        Outcome.Kind kind = enumValue(Outcome.Kind.class, Json.text(json, "kind"), "outcome kind");
        Outcome outcome = switch (kind) {
            case SUCCEED -> Outcome.succeed();
            case WEBHOOK_REJECTED -> {
                String code = Json.text(json, "code");
                int status = json.hasNonNull("status") ? json.get("status").asInt()
                        : code != null ? Outcome.controllerStatusFor(code) : 400;
                Object body = json.hasNonNull("body") ? json.get("body")
                        : code != null ? Map.of("error", code) : Json.object();
                yield Outcome.webhookRejected(status, body);
            }
            case WEBHOOK_UNAVAILABLE -> Outcome.webhookUnavailable(json.path("status").asInt(503));
            case WEBHOOK_FAIL_FAST -> Outcome.webhookFailFast();
            case CONNECTION_REFUSED -> Outcome.connectionRefused();
            case READ_TIMEOUT -> Outcome.readTimeout();
            case ARTIFACT_UNRESOLVED -> Outcome.artifactUnresolved();
            case STAGE_TYPE_MISSING -> Outcome.stageTypeMissing();
            case STAGE_NOT_PERMITTED -> Outcome.stageNotPermitted();
            case FAILED_ON_STARTUP -> json.hasNonNull("message")
                    ? Outcome.failedOnStartup(json.get("message").asText()) : Outcome.failedOnStartup();
            case AWAIT_JUDGMENT -> Outcome.awaitJudgment();
            case JUDGMENT_STOP -> Outcome.judgmentStop();
            case HANG -> Outcome.hang();
        };
        return json.hasNonNull("stage") ? outcome.atStage(json.get("stage").asText()) : outcome;
    }

    static Fault fault(JsonNode json) {
        Fault.Kind kind = enumValue(Fault.Kind.class, Json.text(json, "kind"), "fault kind");
        Duration delay = Duration.ofMillis(json.path("delayMs").asLong(0));
        Fault fault = switch (kind) {
            case LATENCY -> Fault.latency(delay, delay.plusMillis(json.path("jitterMs").asLong(0)));
            case HANG -> json.has("delayMs") ? Fault.hang(delay) : Fault.hang();
            case DROP_CONNECTION -> Fault.dropConnection();
            case PROXY_ERROR -> Fault.proxyError(json.path("status").asInt(502));
            case SERVER_ERROR -> Fault.serverError();
            case RATE_LIMITED -> Fault.rateLimited();
            case MALFORMED_JSON -> Fault.malformedJson();
            case MISSING_REF -> Fault.missingRef();
        };
        return json.path("afterHandling").asBoolean(false) ? fault.afterGateHandled() : fault;
    }

    static ObjectNode armed(FaultPlan.Armed armed) {
        ObjectNode json = Json.object();
        json.put("endpoint", armed.endpoint().name());
        json.put("times", armed.remaining());
        ObjectNode fault = json.putObject("fault");
        fault.put("kind", armed.fault().kind().name());
        fault.put("delayMs", armed.fault().delay().toMillis());
        fault.put("jitterMs", armed.fault().jitter().toMillis());
        fault.put("status", armed.fault().status());
        fault.put("afterHandling", armed.fault().afterHandling());
        return json;
    }

    static Endpoint endpoint(String text) {
        return enumValue(Endpoint.class, text, "endpoint");
    }

    static <E extends Enum<E>> E enumValue(Class<E> type, String text, String what) {
        if (text == null) {
            throw GateError.badRequest("Missing " + what);
        }
        try {
            return Enum.valueOf(type, text.trim().toUpperCase(Locale.ROOT).replace('-', '_'));
        } catch (IllegalArgumentException e) {
            throw GateError.badRequest("Unknown " + what + ": " + text);
        }
    }
}
