package dev.dxcp.saga.deployment;

import dev.dxcp.events.build.ArtifactRef;
import dev.dxcp.events.deployment.DeploymentEvents.DeploymentAccepted;
import dev.dxcp.events.deployment.DeploymentKind;
import dev.dxcp.events.deployment.DeploymentState;
import dev.dxcp.events.deployment.FailureModel;
import dev.dxcp.events.deployment.StaleLocks;
import dev.dxcp.saga.spinnaker.ExecutionSnapshot;
import dev.dxcp.saga.spinnaker.GateClient;
import dev.dxcp.saga.spinnaker.TriggerRequest;
import dev.dxcp.saga.spinnaker.TriggerResult;
import dev.dxcp.saga.spinnaker.failure.TriggerFailures;
import dev.dxcp.saga.spinnaker.transport.EngineCallException;
import dev.dxcp.saga.spinnaker.transport.EngineErrorCode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The engine work of one saga step: check the artifact and start the execution, or follow it. Every
 * step is safe to run again after a crash: before triggering it searches the engine for an execution
 * already tagged with this deployment, so a deployment is never triggered twice.
 */
public class EngineConductor {
    private static final Logger log = LoggerFactory.getLogger(EngineConductor.class);

    private final Supplier<GateClient> gate;
    private final ArtifactCheck artifacts;
    private final EngineCommands commands;
    private final ConductorSettings settings;
    private final DeploymentLookup deployments;
    private final Clock clock;

    /**
     * @param gate        supplies the current engine client, or null when no engine is configured
     * @param deployments reads an accepted deployment from the event store, for sagas that kept an older form
     */
    public EngineConductor(Supplier<GateClient> gate, ArtifactCheck artifacts, EngineCommands commands,
                           ConductorSettings settings, DeploymentLookup deployments, Clock clock) {
        this.gate = gate;
        this.artifacts = artifacts;
        this.commands = commands;
        this.settings = settings;
        this.deployments = deployments;
        this.clock = clock;
    }

    /**
     * The deployment as the saga should keep it. A saga started before DeploymentAccepted's revision 2
     * kept the old flat form, which reads back without its grouped values: it is read again from the
     * event store, where the upcaster gives it its current form.
     */
    public DeploymentAccepted current(DeploymentAccepted kept) {
        return kept.placement() != null ? kept : deployments.accepted(kept.deploymentId());
    }

    public StepOutcome step(DeploymentAccepted deployment, String requestId, ExecutionProgress progress) {
        return progress.executionId() == null ? start(deployment, requestId, progress)
                : follow(deployment, requestId, progress);
    }

    private StepOutcome start(DeploymentAccepted d, String requestId, ExecutionProgress progress) {
        Instant now = clock.instant();
        Optional<EngineCommands.Refusal> artifactRefusal = artifacts.beforeTrigger(d);
        if (artifactRefusal.isPresent()) {
            commands.refused(requestId, d.deploymentId(), artifactRefusal.get(), now);
            return StepOutcome.done(progress);
        }
        GateClient client = gate.get();
        if (client == null) {
            return refuse(d, requestId, progress, EngineCallException.of(EngineErrorCode.ENGINE_UNAVAILABLE, null,
                    "no engine is configured"), now);
        }
        String application = d.engine().application();
        String pipeline = d.engine().pipeline();
        try {
            Optional<String> existing = client.findExecutionForDeployment(application, pipeline, d.deploymentId());
            if (existing.isEmpty() && progress.unanswered() != null) {
                return refuse(d, requestId, progress, unanswered(progress.unanswered()), now);
            }
            String id;
            String url;
            if (existing.isPresent()) {
                id = existing.get();
                url = client.executionUrl(id);
                log.info("event=engine_execution_recovered deployment_id={} execution_id={} request_id={}",
                        d.deploymentId(), id, requestId);
            } else {
                TriggerResult started = client.trigger(application, pipeline, request(d, requestId));
                id = started.executionId();
                url = started.executionUrl();
                log.info("event=engine_triggered deployment_id={} execution_id={} request_id={}", d.deploymentId(),
                        id, requestId);
            }
            commands.executionStarted(requestId, d.deploymentId(), id, url, now);
            return new StepOutcome(progress.started(id, url, now), settings.firstPoll());
        } catch (EngineCallException e) {
            boolean unknownOutcome = unknownOutcome(e);
            if (retryable(e) && progress.attempt() + 1 < settings.triggerRetries()) {
                log.warn("event=engine_trigger_retry deployment_id={} code={} attempt={} request_id={}",
                        d.deploymentId(), e.code(), progress.attempt() + 1, requestId);
                Duration pause = backoff(Duration.ofMillis(500), progress.attempt());
                return new StepOutcome(progress.retried(), unknownOutcome && settings.settle().compareTo(pause) > 0
                        ? settings.settle() : pause);
            }
            if (unknownOutcome && progress.unanswered() == null) {
                // Gate may yet start what it never answered: look once more before calling it refused.
                log.warn("event=engine_trigger_unanswered deployment_id={} code={} request_id={}", d.deploymentId(),
                        e.code(), requestId);
                return new StepOutcome(progress.awaitingSearch(new ExecutionProgress.UnansweredTrigger(
                        e.code().name(), e.upstreamStatus())), settings.settle());
            }
            return refuse(d, requestId, progress, e, now);
        }
    }

    /**
     * No answer (read timeout), a gateway timeout in front of Gate, or a 2xx whose body is unusable (Gate
     * accepted, the execution id got lost): the execution may exist, so the next attempt must give it
     * time to show up in the search first, and the last one must look before refusing.
     */
    private static boolean unknownOutcome(EngineCallException e) {
        Integer status = e.upstreamStatus();
        return e.code() == EngineErrorCode.ENGINE_TIMEOUT || status != null && (status == 504 || status < 300);
    }

    private static EngineCallException unanswered(ExecutionProgress.UnansweredTrigger trigger) {
        return EngineCallException.of(EngineErrorCode.valueOf(trigger.code()), trigger.upstreamStatus(),
                "the engine never answered the trigger and shows no execution for this deployment");
    }

    private StepOutcome follow(DeploymentAccepted d, String requestId, ExecutionProgress progress) {
        Instant now = clock.instant();
        ExecutionSnapshot snapshot = null;
        GateClient client = gate.get();
        if (client != null) {
            try {
                snapshot = client.getExecution(progress.executionId());
            } catch (EngineCallException e) {
                log.warn("event=engine_poll_failed deployment_id={} code={}", d.deploymentId(), e.code());
            }
        }
        if (!(snapshot instanceof ExecutionSnapshot.Found found)) {
            // No successful observation: domain §3 "no change", until the lock goes stale (domain §4).
            if (Duration.between(progress.observedAt(), now).compareTo(settings.lockStale()) >= 0) {
                commands.observed(requestId, d.deploymentId(), DeploymentState.FAILED, List.of(StaleLocks.failure(now)), now);
                return StepOutcome.done(progress);
            }
            return new StepOutcome(progress.retried(), settings.maxPoll());
        }
        DeploymentState state = DeploymentState.valueOf(found.state().name());
        if (state.terminal()) {
            List<FailureModel> failures = state == DeploymentState.FAILED ? found.failures(now) : List.of();
            commands.observed(requestId, d.deploymentId(), state, failures, now);
            return StepOutcome.done(progress.reported(state.name(), now));
        }
        ExecutionProgress next = progress.observed(now);
        boolean changed = !state.name().equals(progress.reportedState());
        if (changed || Duration.between(progress.reportedAt(), now).compareTo(settings.heartbeat()) >= 0) {
            commands.observed(requestId, d.deploymentId(), state, List.of(), now);
            next = progress.reported(state.name(), now);
        }
        return new StepOutcome(next, backoff(settings.firstPoll(), progress.attempt()));
    }

    private StepOutcome refuse(DeploymentAccepted d, String requestId, ExecutionProgress progress,
                               EngineCallException e, Instant now) {
        // domain §16 wording of the synchronous answer, per kind of request
        String message = switch (d.deploymentKind()) {
            case ROLLBACK -> "Unable to start rollback";
            case PROMOTE -> "Unable to start promotion";
            case ROLL_FORWARD -> "Unable to start deployment";
        };
        log.warn("event=engine_trigger_refused deployment_id={} code={} upstream_status={}", d.deploymentId(),
                e.code(), e.upstreamStatus());
        commands.refused(requestId, d.deploymentId(), new EngineCommands.Refusal(e.code().errorCode(), message,
                e.operatorHint(), e.details(false), TriggerFailures.toFailure(e, now)), now);
        return StepOutcome.done(progress);
    }

    /** domain §16 parameters: deploys carry the artifact; rollbacks the version they return to. */
    static TriggerRequest request(DeploymentAccepted d, String requestId) {
        String principal = d.actor().email() != null ? d.actor().email()
                : d.actor().sub() != null ? d.actor().sub() : d.actor().actorId();
        String key = d.idempotencyKey() != null ? d.idempotencyKey() : d.deploymentId();
        String bucket = null;
        String objectKey = null;
        if (d.artifactRef() != null) {
            ArtifactRef ref = ArtifactRef.parse(d.artifactRef());
            if ("s3".equals(ref.scheme())) {
                bucket = ref.bucket();
                objectKey = ref.key();
            }
        }
        String targetVersion = d.deploymentKind() == DeploymentKind.ROLLBACK ? d.targetVersion() : null;
        return new TriggerRequest(principal, requestId, key, d.service(), d.version(), targetVersion,
                d.artifactRef(), bucket, objectKey, null).forDeployment(d.deploymentId());
    }

    /** Transient engine trouble is retried; a refusal the engine meant (401, redirect, 4xx) is final. */
    private static boolean retryable(EngineCallException e) {
        return e.code() == EngineErrorCode.ENGINE_UNAVAILABLE || e.code() == EngineErrorCode.ENGINE_TIMEOUT
                || e.code() == EngineErrorCode.ENGINE_CALL_FAILED && e.upstreamStatus() != null
                && e.upstreamStatus() >= 500;
    }

    private Duration backoff(Duration first, int attempt) {
        double factor = Math.pow(1.5, Math.min(attempt, 20));
        long millis = (long) Math.min(first.toMillis() * factor, settings.maxPoll().toMillis());
        return Duration.ofMillis(Math.max(millis, first.toMillis()));
    }
}
