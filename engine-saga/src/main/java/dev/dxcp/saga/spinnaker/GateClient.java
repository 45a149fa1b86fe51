package dev.dxcp.saga.spinnaker;

import dev.dxcp.saga.spinnaker.transport.GateCallObserver;
import dev.dxcp.saga.spinnaker.transport.GateSettings;
import java.util.List;
import java.util.Optional;

/**
 * Everything DXCP asks of the execution engine (domain-and-state §16, spinnaker-gate §2). Every method
 * either succeeds or throws {@link EngineCallException} carrying the contract's error code, except
 * {@link #health()}, which reports a failure as DOWN.
 */
public interface GateClient {

    /** Starts a pipeline. Never retried: a lost answer is recovered with {@link #findExecutionByIdempotencyKey}. */
    TriggerResult trigger(String application, String pipeline, TriggerRequest request);

    /** The execution now, or {@link ExecutionSnapshot.NotFound} when the engine answers 404. */
    ExecutionSnapshot getExecution(String executionId);

    /** Asks the engine to cancel; cancellation completes asynchronously (spinnaker-gate §2.4). */
    void cancel(String executionId, String reason);

    /** Same, recording {@code principal} as {@code X-Spinnaker-User}. */
    void cancel(String executionId, String reason, String principal);

    /**
     * The newest execution of {@code pipelineName} whose trigger carries this idempotency key, so a saga
     * restarted after a crash can adopt the execution it started instead of triggering twice.
     */
    Optional<String> findExecutionByIdempotencyKey(String application, String pipelineName, String idempotencyKey);

    /** Names of the engine's applications carrying a tag (see {@link ApplicationTagFilter}); all when tagName is blank. */
    /**
     * The newest execution of a pipeline whose trigger carries this DXCP deployment id: lets DXCP
     * recover the execution it may already have started before a crash, instead of triggering twice.
     */
    Optional<String> findExecutionForDeployment(String application, String pipelineName, String deploymentId);

    /** {@code <gate>/pipelines/<id>}: the admin-only deep link to an execution (domain §16). */
    String executionUrl(String executionId);

    List<String> applications(String tagName, String tagValue);

    List<PipelineRef> pipelines(String application);

    /** UP on any 2xx from {@code GET /health}; never throws. */
    HealthStatus health();

    static GateClient create(GateSettings settings) {
        return new HttpGateClient(settings);
    }

    static GateClient create(GateSettings settings, GateCallObserver observer) {
        return new HttpGateClient(settings, observer);
    }
}
