package dev.dxcp.command.admission;

import dev.dxcp.events.common.Rejection;
import dev.dxcp.events.idempotency.AdmissionOutcome;
import dev.dxcp.events.idempotency.IdempotencyMessages.IdempotencyVerdict;

import java.util.Optional;

/**
 * Admission of every governed write, in the order of governance §5, inside the deciding unit of work:
 * <ol>
 *   <li>replay or conflict: the Idempotency-Key's verdict (a replay answers what the key remembers);</li>
 *   <li>mutate rate;</li>
 *   <li>quota: an actor's daily quota, or a delivery lane's quota then concurrency;</li>
 *   <li>the write's own rule (its {@link Decision});</li>
 *   <li>remember: the quota unit is spent and the key remembers the answer.</li>
 * </ol>
 * The steps before the key (authenticate, role, kill switch, key present, schema) are the HTTP edge's;
 * a deploy's policy steps (governance §5 6–11) run in its handler before it is admitted. Every refusal
 * is returned as a value, so whatever was applied before it (a lane's quota unit) still commits.
 */
public class AdmissionPipeline {
    private final IdempotencyStep keys;
    private final MutateRateStep rate;
    private final RememberStep remember;

    public AdmissionPipeline(IdempotencyStep keys, MutateRateStep rate, RememberStep remember) {
        this.keys = keys;
        this.rate = rate;
        this.remember = remember;
    }

    /**
     * @param denials records the refusals of the quota step and audited refusals of the decision
     */
    public <P extends QuotaPass> AdmissionOutcome admit(AdmissionTicket ticket, QuotaStep<P> quota,
                                                        Decision<P> decision, Denials denials) {
        IdempotencyVerdict verdict = keys.check(ticket);
        if (verdict.kind() == IdempotencyVerdict.Kind.REPLAY) {
            return AdmissionOutcome.replayed(verdict.answer());
        }
        if (verdict.kind() == IdempotencyVerdict.Kind.CONFLICT) {
            return AdmissionOutcome.refused(ticket.conflict());
        }
        Optional<Rejection> limited = rate.charge(ticket);
        if (limited.isPresent()) {
            return AdmissionOutcome.refused(limited.get());
        }
        P pass = quota.pass(ticket);
        if (pass.refusal().isPresent()) {
            return denied(pass.refusal().get(), denials);
        }
        Decided decided = decision.decide(pass);
        if (decided.refusal() != null) {
            return decided.audited() ? denied(decided.refusal(), denials) : AdmissionOutcome.refused(decided.refusal());
        }
        if (decided.toMeasure() != null) {
            return AdmissionOutcome.needsMeasurement(decided.toMeasure());
        }
        pass.spend();
        remember.remember(ticket, decided.answer(), decided.resourceId());
        return AdmissionOutcome.accepted(decided.answer());
    }

    private static AdmissionOutcome denied(Rejection refusal, Denials denials) {
        denials.record(refusal);
        return AdmissionOutcome.refused(refusal);
    }
}
