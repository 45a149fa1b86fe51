package dev.dxcp.events.build;

import dev.dxcp.events.common.IdempotencyKeyUse;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;
import java.util.List;

/**
 * Build registry vocabulary. One {@code BuildVersion} aggregate per service/version,
 * identified by {@link #buildVersionId(String, String)}.
 */
public final class BuildMessages {
    private BuildMessages() {
    }

    public static String buildVersionId(String service, String version) {
        return "build/" + service + "/" + version;
    }

    /**
     * CI asks DXCP to certify a build. Decided atomically over the idempotency key, the registrar's
     * daily quota and the service/version, in the order of governance §5 (builds); answered with an
     * {@link dev.dxcp.events.idempotency.AdmissionOutcome} (NEEDS_MEASUREMENT: measure the artifact, then send
     * the command again with the integrity facts).
     *
     * @param idempotency      the Idempotency-Key with the method and path it scopes, governance §6
     * @param fingerprint      hash of the fingerprint fields, governance §6
     * @param request          the body as CI sent it, schema-checked but not yet policy-checked
     * @param ciPublisher      name of the allowlist entry the caller matched
     * @param buildId          identifier the build gets if it is new
     * @param quotaActor       actor the daily build-registration quota counts against
     * @param dailyQuota       the daily build-registration quota in force
     * @param integrity        measured in the artifact store, or null when not measured yet; for an
     *                         uploaded build, the client's own assertion
     * @param uploaded         POST /v1/builds: the integrity is asserted by the client, must satisfy the
     *                         artifact limits and is proven by a matching upload capability (domain §13)
     */
    public record RegisterBuild(IdempotencyKeyUse idempotency, String fingerprint, BuildRegistrationRequest request,
                                String ciPublisher, String buildId, String quotaActor, int dailyQuota,
                                ArtifactIntegrity integrity, boolean uploaded, Instant requestedAt) {
    }

    /** Asks the service/version whether it can take this build; registers it when integrity is known. */
    public record RegisterBuildVersion(@TargetAggregateIdentifier String buildVersionId, BuildRecord candidate) {
    }

    /** The registry now holds this build; the version is deployable from this moment. */
    public record BuildRegistered(String buildVersionId, BuildRecord build) {
    }

    /** What the service/version said about a candidate build. */
    public record BuildVersionDecision(Kind kind, BuildRecord build) {
        public enum Kind { REGISTERED, EXISTING, NEEDS_VERIFICATION }
    }

    /** Newest registration for a service/version. */
    public record FindBuild(String service, String version) {
    }

    /** Every registered build of a service, one per version. */
    public record ListRegisteredBuilds(String service) {
    }

    public record RegisteredBuilds(List<BuildRecord> builds) {
    }
}
