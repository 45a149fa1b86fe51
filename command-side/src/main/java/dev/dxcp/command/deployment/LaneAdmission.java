package dev.dxcp.command.deployment;

import dev.dxcp.command.admission.AdmissionTicket;
import dev.dxcp.command.admission.QuotaPass;
import dev.dxcp.command.admission.QuotaStep;
import dev.dxcp.events.common.Rejection;
import dev.dxcp.events.deployment.DeploymentCommands.LaneDecision;
import dev.dxcp.events.deployment.DeploymentCommands.LaneSnapshot;
import dev.dxcp.events.deployment.DeploymentKind;
import dev.dxcp.events.deployment.PolicySnapshot;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.function.BooleanSupplier;

/**
 * A deployment's quota step (governance §5 steps 13–14): the delivery lane's daily deploy or rollback
 * quota, then its concurrency after reaping stale members (domain §4). A quota unit is consumed as soon
 * as the quota step passes, even when concurrency then refuses (governance §7).
 *
 * @param takePlace false when a later check of the write already fails: quota and concurrency are still
 *                  decided in order, but the deployment takes no place in the lane
 */
public record LaneAdmission(LaneGate lanes, String laneId, String deploymentId, DeploymentKind kind,
                            int maxConcurrent, int dailyQuota, int dailyQuotaBuildRegister,
                            BooleanSupplier takePlace) implements QuotaStep<LaneAdmission.Pass> {

    /**
     * The lane's answer, with the policy as it stood before this request (governance §10).
     *
     * @param onSpend what else happens once the request is accepted (e.g. a freeze override is recorded)
     */
    public record Pass(Optional<Rejection> refusal, PolicySnapshot policy, Runnable onSpend) implements QuotaPass {
        public Pass(Optional<Rejection> refusal, PolicySnapshot policy) {
            this(refusal, policy, () -> { });
        }

        @Override
        public void spend() {
            onSpend.run();
        }

        public Pass alsoOnSpend(Runnable more) {
            return new Pass(refusal, policy, () -> {
                onSpend.run();
                more.run();
            });
        }
    }

    @Override
    public Pass pass(AdmissionTicket ticket) {
        LocalDate day = LocalDate.ofInstant(ticket.at(), ZoneOffset.UTC);
        LaneSnapshot lane = lanes.inspect(laneId, day);
        int inFlight = lanes.reapAndCountInFlight(laneId, lane, ticket.at());
        LaneDecision decision = lanes.admit(laneId, deploymentId, kind, day, maxConcurrent, dailyQuota, inFlight,
                takePlace.getAsBoolean(), ticket.at());
        Optional<Rejection> refusal = switch (decision.kind()) {
            case QUOTA_EXCEEDED -> Optional.of(Guardrails.quotaExceeded(
                    kind == DeploymentKind.ROLLBACK ? "rollback" : "deploy", dailyQuota));
            case CONCURRENCY_LIMIT_REACHED -> Optional.of(Guardrails.concurrencyReached(maxConcurrent,
                    decision.inFlight()));
            case ADMITTED -> Optional.empty();
        };
        return new Pass(refusal, new PolicySnapshot(maxConcurrent, decision.inFlight(), dailyQuota, decision.used(),
                Math.max(0, dailyQuota - decision.used()), dailyQuotaBuildRegister));
    }
}
