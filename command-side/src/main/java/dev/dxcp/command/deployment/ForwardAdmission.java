package dev.dxcp.command.deployment;

import dev.dxcp.command.common.AggregateCommands;
import dev.dxcp.command.common.RateGate;
import dev.dxcp.command.idempotency.IdempotencyKey;
import dev.dxcp.command.settings.SystemSettingsView;
import dev.dxcp.events.build.BuildRecord;
import dev.dxcp.events.common.ErrorCode;
import dev.dxcp.events.common.Rejection;
import dev.dxcp.events.deployment.DeploymentCommands.LaneDecision;
import dev.dxcp.events.deployment.DeploymentCommands.LaneSnapshot;
import dev.dxcp.events.deployment.DeploymentCommands.RollForwardRequest;
import dev.dxcp.events.deployment.DeploymentCommands.SubmissionOutcome;
import dev.dxcp.events.deployment.DeploymentEvents.DeploymentAccepted;
import dev.dxcp.events.deployment.DeploymentKind;
import dev.dxcp.events.deployment.EngineTarget;
import dev.dxcp.events.deployment.PolicySnapshot;
import dev.dxcp.events.idempotency.IdempotencyMessages.CheckIdempotency;
import dev.dxcp.events.idempotency.IdempotencyMessages.IdempotencyVerdict;
import org.axonframework.modelling.command.Repository;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.function.Function;

import static dev.dxcp.events.idempotency.IdempotencyMessages.idempotencyKeyId;

/**
 * Governance §5 steps 12–16 for a request that rolls a registered build forward into an environment —
 * a deploy, or a promotion into its target: replay or conflict, the mutate rate, the daily deploy quota
 * and the concurrency of the target lane (stale locks reaped first), an engine pipeline for the
 * recipe, then the record. Promotions spend the target's deploy quota (governance §7).
 */
public class ForwardAdmission {
    private final SystemSettingsView settings;
    private final Repository<IdempotencyKey> idempotencyKeys;
    private final LaneGate lanes;
    private final RateGate rateGate;
    private final AcceptedDeployments accepted;
    private final Duration idempotencyWindow;

    public ForwardAdmission(SystemSettingsView settings, Repository<IdempotencyKey> idempotencyKeys, LaneGate lanes,
                            RateGate rateGate, AcceptedDeployments accepted, Duration idempotencyWindow) {
        this.settings = settings;
        this.idempotencyKeys = idempotencyKeys;
        this.lanes = lanes;
        this.rateGate = rateGate;
        this.accepted = accepted;
        this.idempotencyWindow = idempotencyWindow;
    }

    /** What the record says beyond what policy resolved; {@code sourceEnvironment} only for promotions. */
    public record Forward(DeploymentKind kind, String service, String version, String sourceEnvironment,
                          String changeSummary) {
    }

    /**
     * @param deny records a refusal from the quota or concurrency step (DEPLOY_DENIED / PROMOTION_DENIED)
     */
    public SubmissionOutcome admit(RollForwardRequest request, Forward forward, Resolution resolution,
                                   BuildRecord build, Function<Rejection, SubmissionOutcome> deny) {
        String keyId = idempotencyKeyId(request.idempotencyScope());
        IdempotencyVerdict verdict = AggregateCommands.handle(idempotencyKeys, keyId, IdempotencyKey::new,
                new CheckIdempotency(keyId, request.fingerprint(), request.requestedAt(), idempotencyWindow));
        if (verdict.kind() == IdempotencyVerdict.Kind.REPLAY) {
            return new SubmissionOutcome(SubmissionOutcome.Kind.REPLAYED, verdict.status(), verdict.body(),
                    verdict.resourceId(), null);
        }
        if (verdict.kind() == IdempotencyVerdict.Kind.CONFLICT) {
            throw new Rejection(ErrorCode.IDEMPOTENCY_CONFLICT, "Idempotency-Key was already used for a different "
                    + (forward.kind() == DeploymentKind.PROMOTE ? "promotion" : "deployment") + " intent");
        }

        rateGate.chargeMutation(request.actor().actorId(), request.requestId());
        EngineTarget engine = EngineTargets.deploy(resolution.recipe());
        LocalDate day = LocalDate.ofInstant(request.requestedAt(), ZoneOffset.UTC);
        String laneId = resolution.laneId();
        LaneSnapshot lane = lanes.inspect(laneId, day);
        int inFlight = lanes.reapAndCountInFlight(laneId, lane, request.requestedAt());
        int quota = resolution.guardrails().dailyDeployQuota();
        int max = resolution.guardrails().maxConcurrentDeployments();
        LaneDecision decision = lanes.admit(laneId, request.deploymentId(), forward.kind(), day, max, quota,
                inFlight, engine != null, request.requestedAt());
        switch (decision.kind()) {
            case QUOTA_EXCEEDED -> {
                return deny.apply(Guardrails.quotaExceeded("deploy", quota));
            }
            case CONCURRENCY_LIMIT_REACHED -> {
                return deny.apply(Guardrails.concurrencyReached(max, decision.inFlight()));
            }
            default -> {
                if (engine == null) {
                    // Returned, not thrown: the quota unit consumed above stays consumed (governance §7).
                    return SubmissionOutcome.denied(EngineTargets.missingApplication(resolution.recipe()));
                }
            }
        }

        PolicySnapshot snapshot = new PolicySnapshot(max, decision.inFlight(), quota, decision.used(),
                Math.max(0, quota - decision.used()), settings.current().rateLimits().value().dailyQuotaBuildRegister());
        DeploymentAccepted record = new DeploymentAccepted(request.deploymentId(), forward.service(),
                resolution.environment().id(), forward.version(), resolution.recipe().id(),
                resolution.recipe().revision(), resolution.recipe().effectiveBehaviorSummary(), forward.kind(), null,
                forward.sourceEnvironment(), forward.changeSummary(), resolution.group().id(), laneId,
                request.requestedAt(), request.idempotencyKey(), request.actor(), snapshot, engine,
                build.artifactRef(), null, build.sha256(), build.sizeBytes(), request.idempotencyScope());
        return accepted.accept(record, request.idempotencyScope(), request.fingerprint(),
                "PLATFORM_ADMIN".equals(request.actor().role()));
    }
}
