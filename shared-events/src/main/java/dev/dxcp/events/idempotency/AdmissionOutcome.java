package dev.dxcp.events.idempotency;

import dev.dxcp.events.build.BuildRecord;
import dev.dxcp.events.common.Rejection;

/**
 * The answer to a governed write (build registration, upload capability, deploy, promotion, rollback):
 * accepted with its answer, the replay of the answer its Idempotency-Key remembers, a refusal, or (build
 * registration only) a build whose artifact must be measured before it is decided again.
 */
public record AdmissionOutcome(Kind kind, Answer answer, Rejection refusal, BuildRecord toMeasure) {
    public enum Kind { ACCEPTED, REPLAYED, REFUSED, NEEDS_MEASUREMENT }

    public static AdmissionOutcome accepted(Answer answer) {
        return new AdmissionOutcome(Kind.ACCEPTED, answer, null, null);
    }

    public static AdmissionOutcome replayed(Answer answer) {
        return new AdmissionOutcome(Kind.REPLAYED, answer, null, null);
    }

    /** Returned, not thrown: what the deciding unit of work applied before the refusal still commits. */
    public static AdmissionOutcome refused(Rejection refusal) {
        return new AdmissionOutcome(Kind.REFUSED, null, refusal, null);
    }

    public static AdmissionOutcome needsMeasurement(BuildRecord candidate) {
        return new AdmissionOutcome(Kind.NEEDS_MEASUREMENT, null, null, candidate);
    }
}
