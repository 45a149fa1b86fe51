package dev.dxcp.command.admission;

import dev.dxcp.events.build.BuildRecord;
import dev.dxcp.events.common.Rejection;
import dev.dxcp.events.idempotency.Answer;

/**
 * What a write's own rule decided: the answer to remember, a refusal (returned, so whatever the decision
 * applied before it still commits), or a build whose artifact must be measured outside the transaction.
 *
 * @param audited the refusal is recorded as a denial (governance §14)
 */
public record Decided(Answer answer, String resourceId, Rejection refusal, boolean audited, BuildRecord toMeasure) {

    public static Decided answered(Answer answer, String resourceId) {
        return new Decided(answer, resourceId, null, false, null);
    }

    public static Decided refused(Rejection refusal) {
        return new Decided(null, null, refusal, false, null);
    }

    public static Decided denied(Rejection refusal) {
        return new Decided(null, null, refusal, true, null);
    }

    public static Decided needsMeasurement(BuildRecord candidate) {
        return new Decided(null, null, null, false, candidate);
    }
}
