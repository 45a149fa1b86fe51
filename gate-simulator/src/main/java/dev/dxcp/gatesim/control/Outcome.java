package dev.dxcp.gatesim.control;

import com.fasterxml.jackson.databind.JsonNode;
import dev.dxcp.gatesim.json.Json;
import java.util.Map;

/**
 * What a triggered execution will do. Each failure kind reproduces one recorded or assembled Gate
 * document (shared/fixtures/spinnaker) and puts the failure information where real Orca puts it
 * (spec §7). An outcome acts on one stage: {@link #stageRefId()} when set, otherwise the first
 * stage it can apply to (the first webhook stage for webhook outcomes, manual judgment stages for
 * judgment outcomes).
 *
 * @param kind          what happens
 * @param webhookStatus HTTP status the deploy controller answers, for webhook outcomes
 * @param webhookBody   the controller's response body, for webhook outcomes
 * @param message       free text for outcomes that carry one (startup failure reason)
 * @param stageRefId    the stage the outcome acts on, or null for the default choice
 */
public record Outcome(Kind kind, Integer webhookStatus, JsonNode webhookBody, String message, String stageRefId) {

    public enum Kind {
        /** Every stage succeeds; manual judgments are continued automatically. */
        SUCCEED,
        /** Webhook answered 4xx: TERMINAL with everything under context.webhook. */
        WEBHOOK_REJECTED,
        /** Webhook answered 5xx/429: RUNNING "will retry", then TimeoutException after the webhook timeout. */
        WEBHOOK_UNAVAILABLE,
        /** Webhook answered a fail-fast status (504): TERMINAL at once. */
        WEBHOOK_FAIL_FAST,
        /** The controller refused the connection: TERMINAL "An exception occurred … Connection refused". */
        CONNECTION_REFUSED,
        /** The controller did not answer in time: TERMINAL "An exception occurred … Read timed out". */
        READ_TIMEOUT,
        /** InvalidRequestException "Unmatched expected artifact … could not be resolved." */
        ARTIFACT_UNRESOLVED,
        /** Planning failure: the preconfigured webhook type is not configured in Orca. */
        STAGE_TYPE_MISSING,
        /** Planning failure: the user may not run the preconfigured webhook stage. */
        STAGE_NOT_PERMITTED,
        /** Orca refuses to start: trigger answers 400 and a TERMINAL, canceled-by-system execution exists. */
        FAILED_ON_STARTUP,
        /** Manual judgment stages wait until someone continues or stops them. */
        AWAIT_JUDGMENT,
        /** Manual judgment stages are stopped by an operator: TERMINAL. */
        JUDGMENT_STOP,
        /** The stage's task stays RUNNING forever. */
        HANG
    }

    public static final String DISABLED_PIPELINE_MESSAGE = "Pipeline is disabled and cannot be started.";

    public static Outcome succeed() {
        return of(Kind.SUCCEED);
    }

    /**
     * The DXCP deploy controller rejects the call with its own error code in a JSON body, e.g.
     * {@code {"error":"artifact_bucket_mismatch"}}. The status follows the code (see
     * {@link #controllerStatusFor(String)}).
     */
    public static Outcome controllerError(String code) {
        return webhookRejected(controllerStatusFor(code), Map.of("error", code));
    }

    /** The webhook answers a 4xx with the given body (any JSON-convertible value or a string). */
    public static Outcome webhookRejected(int status, Object body) {
        if (status < 400 || status >= 500) {
            throw new IllegalArgumentException("A rejected webhook answers 4xx, got " + status);
        }
        return new Outcome(Kind.WEBHOOK_REJECTED, status, Json.valueToTree(body), null, null);
    }

    public static Outcome webhookUnavailable() {
        return webhookUnavailable(503);
    }

    public static Outcome webhookUnavailable(int status) {
        return new Outcome(Kind.WEBHOOK_UNAVAILABLE, status, Json.valueToTree(Map.of("message", "Service Unavailable")),
                null, null);
    }

    public static Outcome webhookFailFast() {
        return new Outcome(Kind.WEBHOOK_FAIL_FAST, 504, null, null, null);
    }

    public static Outcome connectionRefused() {
        return of(Kind.CONNECTION_REFUSED);
    }

    public static Outcome readTimeout() {
        return of(Kind.READ_TIMEOUT);
    }

    public static Outcome artifactUnresolved() {
        return of(Kind.ARTIFACT_UNRESOLVED);
    }

    public static Outcome stageTypeMissing() {
        return of(Kind.STAGE_TYPE_MISSING);
    }

    public static Outcome stageNotPermitted() {
        return of(Kind.STAGE_NOT_PERMITTED);
    }

    public static Outcome failedOnStartup() {
        return failedOnStartup(DISABLED_PIPELINE_MESSAGE);
    }

    public static Outcome failedOnStartup(String reason) {
        return new Outcome(Kind.FAILED_ON_STARTUP, null, null, reason, null);
    }

    public static Outcome awaitJudgment() {
        return of(Kind.AWAIT_JUDGMENT);
    }

    public static Outcome judgmentStop() {
        return of(Kind.JUDGMENT_STOP);
    }

    public static Outcome hang() {
        return of(Kind.HANG);
    }

    private static Outcome of(Kind kind) {
        return new Outcome(kind, null, null, null, null);
    }

    /** The same outcome, acting on the stage with this refId. */
    public Outcome atStage(String refId) {
        return new Outcome(kind, webhookStatus, webhookBody, message, refId);
    }

    /**
     * HTTP status DXCP's deploy controller uses for each of its error codes; codes not listed
     * answer 400.
     */
    public static int controllerStatusFor(String code) {
        return switch (code) {
            case "unauthorized" -> 401;
            case "unknown_service" -> 404;
            case "method_not_allowed" -> 405;
            case "no_previous_artifact", "invalid_previous_artifact" -> 409;
            default -> 400;
        };
    }
}
