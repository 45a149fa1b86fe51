package dev.dxcp.saga.spinnaker;

/**
 * The engine accepted a trigger.
 *
 * @param executionUrl      {@code <gate>/pipelines/<id>} (domain-and-state §16); admin-only in the public view
 * @param upstreamRequestId Gate's {@code X-SPINNAKER-REQUEST-ID}, for correlation
 */
public record TriggerResult(String executionId, String executionUrl, String upstreamRequestId) {
}
