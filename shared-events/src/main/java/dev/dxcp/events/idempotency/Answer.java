package dev.dxcp.events.idempotency;

import dev.dxcp.events.build.BuildRecord;
import dev.dxcp.events.build.UploadCapabilityMessages.UploadCapabilityIssued;
import dev.dxcp.events.deployment.DeploymentRecord;

/**
 * What a governed write answered, as a value (governance §5–§6): the record the caller was shown and
 * whether the write created it. The Idempotency-Key remembers it and a replay renders the same value
 * again at the edge, so a retry gets the first answer unchanged. One of {@code build},
 * {@code uploadCapability} and {@code deployment} is set; keys remembered before answers were values
 * hold the rendered status and body instead ({@link #rendered(int, String)}).
 *
 * @param adminView a deployment as a platform admin sees it (engine execution fields shown)
 */
public record Answer(Outcome outcome, BuildRecord build, UploadCapabilityIssued uploadCapability,
                     DeploymentRecord deployment, boolean adminView, Integer renderedStatus, String renderedBody) {

    /** A write that created its resource (201), or found it existing (200, builds: domain §13). */
    public enum Outcome { CREATED, EXISTING }

    /** A build registration: the build as shown to the caller (links as the exposure policy allowed). */
    public static Answer build(BuildRecord shown, boolean created) {
        return new Answer(created ? Outcome.CREATED : Outcome.EXISTING, shown, null, null, false, null, null);
    }

    public static Answer uploadCapability(UploadCapabilityIssued issued) {
        return new Answer(Outcome.CREATED, null, issued, null, false, null, null);
    }

    /** A new deployment record (deploy, promotion, rollback), as the caller's role shows it. */
    public static Answer deployment(DeploymentRecord record, boolean adminView) {
        return new Answer(Outcome.CREATED, null, null, record, adminView, null, null);
    }

    /** An answer remembered as its rendered status and body, before answers were values. */
    public static Answer rendered(int status, String body) {
        return new Answer(status == 201 ? Outcome.CREATED : Outcome.EXISTING, null, null, null, false, status,
                body);
    }
}
