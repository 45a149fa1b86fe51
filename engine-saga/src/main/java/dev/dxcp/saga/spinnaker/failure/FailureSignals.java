package dev.dxcp.saga.spinnaker.failure;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Collects an execution's failure signals in the order of domain-and-state §9: execution text fields
 * ({@code statusMessage}, {@code message}, {@code error}, {@code exception}); a startup failure's
 * {@code cancellationReason}; each item of {@code failures}; then each stage.
 *
 * <p>Corrections to the earlier adapter (spinnaker-gate §7.5):
 * <ul>
 *   <li>Stages are visited cause first: TERMINAL, then STOPPED, CANCELED, FAILED_CONTINUE, then any other
 *       unfinished status, each group by end time; SUCCEEDED, NOT_STARTED and SKIPPED stages are skipped.
 *       A FAILED_CONTINUE stage did not fail the run, and a CANCELED one was usually stopped because
 *       another failed.</li>
 *   <li>The deployment controller's own error code is read from {@code context.webhook.body} (and the
 *       status monitor's body), where Orca puts it (§7.2); a webhook 401/403/404/405 without a code
 *       of its own counts as {@code unauthorized}/{@code not_found}/{@code method_not_allowed}.</li>
 *   <li>Exceptions are read as text the safe way (see {@link SignalText}).</li>
 *   <li>Text sources in a stage are tried in the §9 order (stage {@code statusMessage|message|error}, then
 *       context {@code error|exception|details}), then a task's exception, a failed cloud operation, and
 *       last the webhook's own text: so a webhook that kept answering 5xx and then hit the task timeout
 *       reads as the timeout, the final signal (§7.4).</li>
 * </ul>
 */
final class FailureSignals {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> CODE_FIELDS = List.of("error", "error_code", "errorCode", "code");
    private static final Pattern CODE_SHAPE = Pattern.compile("[a-z0-9][a-z0-9_.-]{0,63}");
    private static final Map<String, Integer> STAGE_PRIORITY = Map.of(
            "TERMINAL", 0, "STOPPED", 1, "CANCELED", 2, "FAILED_CONTINUE", 3);
    private static final List<String> NOT_A_CAUSE = List.of("SUCCEEDED", "NOT_STARTED", "SKIPPED");
    private static final String STARTUP_FAILURE = "failed on startup:";

    private FailureSignals() {
    }

    static List<FailureSignal> of(JsonNode execution) {
        List<FailureSignal> signals = new ArrayList<>();
        for (String field : List.of("statusMessage", "message", "error", "exception")) {
            JsonNode value = execution.get(field);
            signals.add(new FailureSignal(SignalText.of(value), codesOf(value), false, null));
        }
        String reason = execution.path("cancellationReason").asText("");
        if (reason.toLowerCase(Locale.ROOT).startsWith(STARTUP_FAILURE)) {
            // spinnaker-gate §4.1: Orca refused to start the run; the reason is the only failure text.
            signals.add(FailureSignal.ofText(SignalText.clean(reason.substring(STARTUP_FAILURE.length()))));
        }
        for (JsonNode failure : execution.path("failures")) {
            signals.add(fromFailureItem(failure));
        }
        for (JsonNode stage : stagesCauseFirst(execution)) {
            signals.add(fromStage(stage));
        }
        signals.removeIf(signal -> !signal.present());
        return signals;
    }

    private static FailureSignal fromFailureItem(JsonNode item) {
        if (!item.isObject()) {
            return FailureSignal.ofText(SignalText.of(item));
        }
        String text = firstText(item, "message", "error", "detail", "exception");
        return new FailureSignal(text, codesOf(item), false, null);
    }

    static List<JsonNode> stagesCauseFirst(JsonNode execution) {
        List<JsonNode> stages = new ArrayList<>();
        for (JsonNode stage : execution.path("stages")) {
            if (!NOT_A_CAUSE.contains(status(stage))) {
                stages.add(stage);
            }
        }
        // List.sort is stable: equal stages keep document order.
        stages.sort(Comparator.<JsonNode>comparingInt(s -> STAGE_PRIORITY.getOrDefault(status(s), 4))
                .thenComparingLong(s -> s.path("endTime").asLong(Long.MAX_VALUE)));
        return stages;
    }

    private static FailureSignal fromStage(JsonNode stage) {
        JsonNode context = stage.path("context");
        boolean deliberateStop = "stop".equalsIgnoreCase(context.path("judgmentStatus").asText(""));

        JsonNode webhook = context.path("webhook");
        List<String> bodyCodes = new ArrayList<>(codesOf(body(webhook.get("body"))));
        bodyCodes.addAll(codesOf(body(webhook.path("monitor").get("body"))));
        int webhookStatus = webhook.path("statusCodeValue").asInt(webhook.path("monitor").path("statusCodeValue").asInt(0));

        List<String> codes = new ArrayList<>(bodyCodes);
        codes.addAll(codesOf(context));
        codes.addAll(codesOf(stage));
        if (bodyCodes.isEmpty()) {
            String implied = impliedCode(webhookStatus);
            if (implied != null) {
                codes.add(implied);
            }
        }

        String text = firstText(stage, "statusMessage", "message", "error");
        if (text.isEmpty()) {
            text = firstText(context, "error", "exception", "details");
        }
        if (text.isEmpty()) {
            text = taskExceptionText(stage);
        }
        if (text.isEmpty()) {
            text = failedCloudOperationText(context);
        }
        if (text.isEmpty()) {
            text = webhookText(webhook, webhookStatus, bodyCodes);
        }
        String controllerCode = webhookStatus >= 400 && webhookStatus <= 499 && !bodyCodes.isEmpty()
                ? bodyCodes.get(0) : null;
        return new FailureSignal(text, List.copyOf(codes), deliberateStop, controllerCode);
    }

    /** A webhook answer without a code of its own still says something through its status. */
    private static String impliedCode(int status) {
        switch (status) {
            case 401:
            case 403:
                return "unauthorized";
            case 404:
                return "not_found";
            case 405:
                return "method_not_allowed";
            default:
                return null;
        }
    }

    /** Orca's webhook text without ids and URLs, plus the status when it is a 5xx, plus the controller's codes. */
    private static String webhookText(JsonNode webhook, int status, List<String> bodyCodes) {
        String text = SignalText.of(webhook.get("error"));
        if (text.isEmpty()) {
            text = SignalText.of(webhook.path("monitor").get("error"));
        }
        if (status >= 500) {
            text = text + " (http " + status + ")";
        }
        if (!bodyCodes.isEmpty()) {
            text = text + " " + String.join(" ", bodyCodes);
        }
        return text.trim();
    }

    private static String taskExceptionText(JsonNode stage) {
        for (JsonNode task : stage.path("tasks")) {
            JsonNode exception = task.path("taskExceptionDetails").get("exception");
            String text = SignalText.of(exception);
            if (!text.isEmpty()) {
                return text;
            }
        }
        return "";
    }

    /** spinnaker-gate §7.3: a failed {@code kato.tasks} entry's exception message, else its last history status. */
    private static String failedCloudOperationText(JsonNode context) {
        for (JsonNode operation : context.path("kato.tasks")) {
            if (operation.path("status").path("failed").asBoolean(false)) {
                String text = SignalText.of(operation.path("exception").get("message"));
                if (text.isEmpty()) {
                    JsonNode history = operation.path("history");
                    text = history.isArray() && history.size() > 0
                            ? SignalText.of(history.get(history.size() - 1).get("status")) : "";
                }
                if (!text.isEmpty()) {
                    return text;
                }
            }
        }
        return "";
    }

    /** A webhook body is a parsed object, or a string that may itself hold a JSON object. */
    private static JsonNode body(JsonNode body) {
        if (body != null && body.isTextual() && body.asText().trim().startsWith("{")) {
            try {
                return JSON.readTree(body.asText());
            } catch (IOException e) {
                return null;
            }
        }
        return body;
    }

    private static List<String> codesOf(JsonNode node) {
        List<String> codes = new ArrayList<>();
        if (node == null || !node.isObject()) {
            return codes;
        }
        for (String field : CODE_FIELDS) {
            JsonNode value = node.get(field);
            if (value != null && value.isTextual()) {
                String code = value.asText().trim().toLowerCase(Locale.ROOT);
                if (CODE_SHAPE.matcher(code).matches() && !codes.contains(code)) {
                    codes.add(code);
                }
            }
        }
        return codes;
    }

    private static String firstText(JsonNode node, String... fields) {
        for (String field : fields) {
            String text = SignalText.of(node.get(field));
            if (!text.isEmpty()) {
                return text;
            }
        }
        return "";
    }

    private static String status(JsonNode stage) {
        return stage.path("status").asText("").trim().toUpperCase(Locale.ROOT);
    }
}
