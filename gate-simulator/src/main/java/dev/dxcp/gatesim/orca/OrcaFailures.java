package dev.dxcp.gatesim.orca;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dxcp.gatesim.json.Json;

/**
 * The exception objects Orca writes to {@code stage.context.exception} and to a task's
 * {@code taskExceptionDetails.exception} (spec §7.1), and the message texts that go in them.
 */
final class OrcaFailures {

    static final String INVALID_REQUEST = "com.netflix.spinnaker.kork.web.exceptions.InvalidRequestException";
    static final String TIMEOUT = "com.netflix.spinnaker.orca.exceptions.TimeoutException";
    static final String WEBHOOK_NOT_FOUND =
            "com.netflix.spinnaker.orca.webhook.exception.PreconfiguredWebhookNotFoundException";
    static final String WEBHOOK_UNAUTHORIZED =
            "com.netflix.spinnaker.orca.webhook.exception.PreconfiguredWebhookUnauthorizedException";

    private OrcaFailures() {
    }

    /** The "Unexpected Task Failure" shape Orca's default exception handler produces. */
    static ObjectNode exception(long time, String exceptionClass, String operation, String message) {
        ObjectNode exception = Json.object();
        exception.put("timestamp", time);
        exception.put("exceptionType", exceptionClass.substring(exceptionClass.lastIndexOf('.') + 1));
        exception.put("operation", operation);
        ObjectNode details = exception.putObject("details");
        details.put("error", "Unexpected Task Failure");
        details.putArray("errors").add(message);
        // A real stack trace would be long; the simulator says where it comes from instead.
        details.put("stackTrace", exceptionClass + ": " + message + "\n\tat (simulated by the DXCP gate-simulator)\n");
        exception.put("shouldRetry", false);
        return exception;
    }

    static String taskTimedOut(String stageName, long elapsedMillis, long timeoutMillis) {
        String elapsed = DurationWords.of(elapsedMillis);
        return "CreateWebhookTask of stage " + stageName + " timed out after " + elapsed
                + ". pausedDuration: 0 seconds, elapsedTime: " + elapsed
                + ", timeoutValue: " + DurationWords.of(timeoutMillis);
    }

    static String unmatchedArtifact(String artifactReference, String expectedArtifactId) {
        return "Unmatched expected artifact ExpectedArtifact(matchArtifact=Artifact(type=s3/object, customKind=false, "
                + "name=" + artifactReference + ", version=null, location=null, reference=" + artifactReference
                + ", metadata={}, artifactAccount=null, provenance=null, uuid=null), usePriorArtifact=false, "
                + "useDefaultArtifact=false, defaultArtifact=null, id=" + expectedArtifactId
                + ", boundArtifact=null) could not be resolved.";
    }

    static String stageTypeMissing(String type) {
        return "Could not find a stage named '" + type + "'";
    }

    static String stageNotPermitted(String user, String type) {
        return "User '" + user + "' is not allowed to execute stage named '" + type + "'";
    }
}
