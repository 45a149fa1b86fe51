package dev.dxcp.saga.deployment;

import dev.dxcp.events.deployment.ApprovalMessages.ExpireApproval;
import dev.dxcp.events.deployment.DeploymentCommands.RecordEngineExecution;
import dev.dxcp.events.deployment.DeploymentCommands.RecordEngineObservation;
import dev.dxcp.events.deployment.DeploymentCommands.RecordEngineTriggerRefusal;
import dev.dxcp.events.deployment.DeploymentState;
import dev.dxcp.events.deployment.FailureModel;

import java.time.Instant;
import java.util.List;
import java.util.function.BiConsumer;

/**
 * Turns the saga's reports into DXCP commands and hands them to a dispatcher. In the server the
 * dispatcher runs each command in its own unit of work with conflict retries; in tests it is the
 * fixture's command bus.
 */
public class DispatchingEngineCommands implements EngineCommands {
    private final BiConsumer<Object, String> dispatcher;

    /** @param dispatcher receives each command and the request id it belongs to */
    public DispatchingEngineCommands(BiConsumer<Object, String> dispatcher) {
        this.dispatcher = dispatcher;
    }

    @Override
    public void executionStarted(String requestId, String deploymentId, String executionId, String executionUrl,
                                 Instant at) {
        dispatcher.accept(new RecordEngineExecution(deploymentId, executionId, executionUrl, at), requestId);
    }

    @Override
    public void observed(String requestId, String deploymentId, DeploymentState state, List<FailureModel> failures,
                         Instant at) {
        dispatcher.accept(new RecordEngineObservation(deploymentId, state, failures, at), requestId);
    }

    @Override
    public void refused(String requestId, String deploymentId, Refusal refusal, Instant at) {
        dispatcher.accept(new RecordEngineTriggerRefusal(deploymentId, refusal.code(), refusal.message(),
                refusal.operatorHint(), refusal.details(), refusal.failure(), at), requestId);
    }

    @Override
    public void approvalExpired(String requestId, String deploymentId, Instant at) {
        dispatcher.accept(new ExpireApproval(deploymentId, at), requestId);
    }
}
