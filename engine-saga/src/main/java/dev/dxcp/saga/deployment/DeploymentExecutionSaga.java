package dev.dxcp.saga.deployment;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import dev.dxcp.events.deployment.ApprovalMessages.DeploymentApproved;
import dev.dxcp.events.deployment.DeploymentEvents.DeploymentAccepted;
import dev.dxcp.events.deployment.DeploymentEvents.DeploymentCanceled;
import dev.dxcp.events.deployment.DeploymentEvents.DeploymentFailed;
import dev.dxcp.events.deployment.DeploymentEvents.DeploymentRolledBackByEngine;
import dev.dxcp.events.deployment.DeploymentEvents.DeploymentSucceeded;
import org.axonframework.deadline.DeadlineManager;
import org.axonframework.deadline.annotation.DeadlineHandler;
import org.axonframework.messaging.annotation.MetaDataValue;
import org.axonframework.modelling.saga.EndSaga;
import org.axonframework.modelling.saga.SagaEventHandler;
import org.axonframework.modelling.saga.StartSaga;
import org.axonframework.spring.stereotype.Saga;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Takes one accepted deployment or rollback to the engine and follows it to its end. Each step runs
 * as a persistent deadline (stored in the database, so a restarted server picks it up); the saga keeps
 * only its progress. It ends when the deployment reaches a terminal state, whoever reported it.
 */
@Saga
@JsonAutoDetect(fieldVisibility = JsonAutoDetect.Visibility.ANY)
public class DeploymentExecutionSaga {
    static final String STEP = "engine-step";
    static final String APPROVAL_EXPIRY = "approval-expiry";
    static final String ASSOCIATION = "deploymentId";

    private DeploymentAccepted deployment;
    private String requestId;
    private ExecutionProgress progress;

    /** A deployment waiting for approval starts nothing but the deadline of its time limit. */
    @StartSaga
    @SagaEventHandler(associationProperty = ASSOCIATION)
    public void on(DeploymentAccepted accepted, @MetaDataValue("request_id") String requestId,
                   DeadlineManager deadlines, ApprovalWait approvals) {
        this.deployment = accepted;
        this.requestId = requestId;
        this.progress = ExecutionProgress.accepted(accepted.createdAt());
        Optional<Instant> pendingUntil = approvals.pendingUntil(accepted.deploymentId());
        if (pendingUntil.isPresent()) {
            deadlines.schedule(pendingUntil.get(), APPROVAL_EXPIRY, new EngineStep(accepted.deploymentId()));
            return;
        }
        deadlines.schedule(Duration.ZERO, STEP, new EngineStep(accepted.deploymentId()));
    }

    /** Enough approvals: only now does the engine start. */
    @SagaEventHandler(associationProperty = ASSOCIATION)
    public void on(DeploymentApproved approved, DeadlineManager deadlines) {
        deadlines.cancelAllWithinScope(APPROVAL_EXPIRY);
        deadlines.schedule(Duration.ZERO, STEP, new EngineStep(approved.deploymentId()));
    }

    @DeadlineHandler(deadlineName = APPROVAL_EXPIRY)
    public void approvalTimeUp(EngineStep step, ApprovalWait approvals) {
        approvals.expire(requestId, step.deploymentId());
    }

    @DeadlineHandler(deadlineName = STEP)
    public void step(EngineStep step, EngineConductor conductor, DeadlineManager deadlines) {
        deployment = conductor.current(deployment);
        StepOutcome outcome = conductor.step(deployment, requestId, progress);
        progress = outcome.progress();
        if (!outcome.finished()) {
            deadlines.schedule(outcome.next(), STEP, step);
        }
    }

    @EndSaga
    @SagaEventHandler(associationProperty = ASSOCIATION)
    public void on(DeploymentSucceeded event, DeadlineManager deadlines) {
        deadlines.cancelAllWithinScope(STEP);
    }

    @EndSaga
    @SagaEventHandler(associationProperty = ASSOCIATION)
    public void on(DeploymentFailed event, DeadlineManager deadlines) {
        deadlines.cancelAllWithinScope(STEP);
    }

    /** Also how a rejected or expired approval ends. */
    @EndSaga
    @SagaEventHandler(associationProperty = ASSOCIATION)
    public void on(DeploymentCanceled event, DeadlineManager deadlines) {
        deadlines.cancelAllWithinScope(STEP);
        deadlines.cancelAllWithinScope(APPROVAL_EXPIRY);
    }

    @EndSaga
    @SagaEventHandler(associationProperty = ASSOCIATION)
    public void on(DeploymentRolledBackByEngine event, DeadlineManager deadlines) {
        deadlines.cancelAllWithinScope(STEP);
    }
}
