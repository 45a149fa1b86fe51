package dev.dxcp.events.build;

import dev.dxcp.events.common.IdempotencyKeyUse;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;

/**
 * Upload capability vocabulary (api-contract §7, domain §13). CI first announces the exact artifact it
 * is about to register (service, version, size, sha256, content type) and gets a short-lived token;
 * POST /v1/builds then needs a live capability for exactly that artifact and consumes it. One
 * {@code UploadCapability} aggregate per announced artifact holds its unused tokens, so the build
 * registration and the consumption commit together.
 */
public final class UploadCapabilityMessages {
    private UploadCapabilityMessages() {
    }

    /** The body of POST /v1/builds/upload-capability after the schema step, values as sent. */
    public record UploadCapabilityRequest(String service, String version, long expectedSizeBytes,
                                          String expectedSha256, String contentType) {
    }

    /**
     * CI asks for a capability. Decided atomically over the idempotency key, the actor's daily upload
     * quota and the announced artifact, in the order of governance §5 (upload capability).
     *
     * @param uploadToken the token the capability gets if it is issued
     */
    public record RequestUploadCapability(IdempotencyKeyUse idempotency, String fingerprint,
                                          UploadCapabilityRequest request, String uploadToken, String quotaActor,
                                          int dailyQuota, Instant requestedAt) {
    }

    /** The coordinating handler decided; the artifact's aggregate records the new capability. */
    public record IssueUploadCapability(@TargetAggregateIdentifier String uploadCapabilityId,
                                        UploadCapabilityIssued issued) {
    }

    /** A build of exactly this artifact wants to be registered: consume a live capability, forget expired ones. */
    public record UseUploadCapability(@TargetAggregateIdentifier String uploadCapabilityId, String buildId,
                                      Instant at) {
    }

    /** What a use found: a live capability (now consumed), only expired ones (now deleted), or none. */
    public enum CapabilityUse { CONSUMED, EXPIRED, NONE }

    public record UploadCapabilityIssued(String uploadCapabilityId, String uploadToken, String service,
                                         String version, long expectedSizeBytes, String expectedSha256,
                                         String contentType, Instant issuedAt, Instant expiresAt) {
    }

    /** The capability proved a registered build and cannot be used again. */
    public record UploadCapabilityConsumed(String uploadCapabilityId, String uploadToken, String buildId,
                                           Instant at) {
    }

    /** The capability outlived its lifetime and was deleted when a build tried to use it (domain §13). */
    public record UploadCapabilityExpired(String uploadCapabilityId, String uploadToken, Instant at) {
    }
}
