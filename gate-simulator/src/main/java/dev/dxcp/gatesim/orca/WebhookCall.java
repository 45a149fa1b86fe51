package dev.dxcp.gatesim.orca;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dxcp.gatesim.json.Json;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * A webhook stage's create-webhook task calling the deploy controller, with the controller's
 * reply decided up front. Results land under {@code context.webhook} following Orca's rules for
 * webhook responses (spec §7.2): 2xx succeeds; other 4xx fail at once; a fail-fast status fails at
 * once; 5xx keeps the task RUNNING ("will retry") until the webhook timeout turns it into a
 * TimeoutException; client exceptions (connection refused, read timeout) fail at once.
 */
final class WebhookCall implements StageBehaviour {

    enum Reply { SUCCESS, REJECTED, UNAVAILABLE, FAIL_FAST, CONNECTION_REFUSED, READ_TIMEOUT }

    private static final DateTimeFormatter HTTP_DATE = DateTimeFormatter.RFC_1123_DATE_TIME.withZone(ZoneOffset.UTC);
    private static final int FIRST_ATTEMPT = 0;
    private static final int RETRYING = 1;

    private final Reply reply;
    private final int status;
    private final JsonNode body;

    WebhookCall(Reply reply, int status, JsonNode body) {
        this.reply = reply;
        this.status = status;
        this.body = body;
    }

    static WebhookCall succeeding() {
        return new WebhookCall(Reply.SUCCESS, 200, null);
    }

    @Override
    public void start(StageStep step) {
        step.startTask(StageTypes.taskFor(step.stage.type));
        step.dueAfter(step.timings.stageMillis());
    }

    @Override
    public void due(StageStep step) {
        if (step.stage.step == RETRYING) {
            timeOut(step);
            return;
        }
        String url = Json.text(step.stage.context, "url");
        String pipeline = step.execution.id;
        switch (reply) {
            case SUCCESS -> {
                step.stage.context.set("webhook", response(step, 200, successBody(step.stage.context), null));
                step.succeed();
            }
            case REJECTED -> {
                step.stage.context.set("webhook", response(step, status, body,
                        "Error submitting webhook for pipeline " + pipeline + " to " + url + " with status code " + status + "."));
                step.fail();
            }
            case FAIL_FAST -> {
                step.stage.context.set("webhook", response(step, status, Json.valueToTree(gatewayTimeoutPage()),
                        "Received status code " + status + ", which is configured to fail fast, terminating stage for pipeline "
                                + pipeline + " to " + url));
                step.fail();
            }
            case UNAVAILABLE -> {
                step.stage.context.set("webhook", response(step, status, body,
                        "Error submitting webhook for pipeline " + pipeline + " to " + url + " with status code " + status
                                + ", will retry."));
                step.stage.step = RETRYING;
                long taskStart = step.stage.currentTask().startTime;
                step.dueAt(Math.max(step.time, taskStart + step.timings.webhookTimeout().toMillis()));
            }
            case CONNECTION_REFUSED, READ_TIMEOUT -> {
                String cause = reply == Reply.CONNECTION_REFUSED ? "Connection refused" : "Read timed out";
                ObjectNode webhook = Json.object();
                webhook.put("error", "An exception occurred for pipeline " + pipeline + " performing a request to " + url
                        + ". org.springframework.web.client.ResourceAccessException: I/O error on "
                        + method(step.stage.context) + " request for \"" + url + "\": " + cause);
                step.stage.context.set("webhook", webhook);
                step.fail();
            }
            default -> throw new IllegalStateException("Unhandled webhook reply " + reply);
        }
    }

    /** Orca's RunTaskHandler giving up on a task that kept asking to be retried. */
    private void timeOut(StageStep step) {
        long taskStart = step.stage.currentTask().startTime;
        String message = OrcaFailures.taskTimedOut(step.stage.name, step.time - taskStart,
                step.timings.webhookTimeout().toMillis());
        step.failWithException(OrcaFailures.exception(step.time, OrcaFailures.TIMEOUT,
                StageTypes.taskFor(step.stage.type).name(), message));
    }

    private static ObjectNode response(StageStep step, int status, JsonNode responseBody, String error) {
        ObjectNode webhook = Json.object();
        webhook.put("statusCode", HttpStatusNames.enumName(status));
        webhook.put("statusCodeValue", status);
        ObjectNode headers = webhook.putObject("headers");
        boolean json = responseBody != null && (responseBody.isObject() || responseBody.isArray());
        String bodyText = responseBody == null ? "" : json ? Json.writeString(responseBody) : responseBody.asText();
        headers.put("Content-Type", json ? "application/json" : "text/html");
        headers.put("Content-Length", String.valueOf(bodyText.getBytes(StandardCharsets.UTF_8).length));
        headers.put("Date", HTTP_DATE.format(Instant.ofEpochMilli(step.time)));
        if (responseBody != null) {
            webhook.set("body", responseBody.deepCopy());
        }
        if (error != null) {
            webhook.put("error", error);
        }
        return webhook;
    }

    /** What DXCP's controller answers on success: the release it was asked to run. */
    private static JsonNode successBody(ObjectNode context) {
        JsonNode payload = context.get("payload");
        ObjectNode body = Json.object();
        if (payload != null && payload.isObject()) {
            body.setAll((ObjectNode) payload.deepCopy());
        }
        return body;
    }

    private static String method(ObjectNode context) {
        String method = Json.text(context, "method");
        return method == null ? "POST" : method;
    }

    private static String gatewayTimeoutPage() {
        return "<html>\r\n<head><title>504 Gateway Time-out</title></head>\r\n<body>\r\n"
                + "<center><h1>504 Gateway Time-out</h1></center>\r\n</body>\r\n</html>\r\n";
    }
}
