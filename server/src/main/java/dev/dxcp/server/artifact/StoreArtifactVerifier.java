package dev.dxcp.server.artifact;

import dev.dxcp.artifact.ArtifactDigest;
import dev.dxcp.artifact.ArtifactNotFoundException;
import dev.dxcp.artifact.ArtifactStore;
import dev.dxcp.command.build.ArtifactSourceRules;
import dev.dxcp.events.build.ArtifactIntegrity;
import dev.dxcp.events.build.ArtifactRef;
import dev.dxcp.events.build.InvalidArtifactRef;
import dev.dxcp.events.build.BuildRecord;
import dev.dxcp.events.common.Rejection;

import java.util.Set;
import java.util.regex.Pattern;

/**
 * Measures a build's artifact in the runtime store (domain §13): bucket must be the runtime bucket,
 * key a .zip, object present; size, media type and a streamed sha256 are taken from the store and
 * must satisfy the integrity limits.
 */
public class StoreArtifactVerifier implements ArtifactVerifier {
    private static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");

    private final ArtifactStore store;
    private final ArtifactSourceRules rules;
    private final long maxSizeBytes;
    private final Set<String> contentTypes;

    public StoreArtifactVerifier(ArtifactStore store, ArtifactSourceRules rules, long maxSizeBytes,
                                 Set<String> contentTypes) {
        this.store = store;
        this.rules = rules;
        this.maxSizeBytes = maxSizeBytes;
        this.contentTypes = Set.copyOf(contentTypes);
    }

    @Override
    public ArtifactIntegrity measure(BuildRecord candidate) {
        if (!rules.bucketConfigured()) {
            throw invalid("runtime artifact bucket is not configured");
        }
        ArtifactRef ref;
        try {
            ref = ArtifactRef.parse(candidate.artifactRef(), rules.allowedSchemes());
        } catch (InvalidArtifactRef e) {
            throw invalid(e.getMessage());
        }
        if (!"s3".equals(ref.scheme()) || !rules.runtimeBucket().equals(ref.bucket())) {
            throw invalid("artifact bucket must be the runtime artifact bucket");
        }
        if (!ref.key().endsWith(".zip")) {
            throw invalid("artifact key must end with .zip");
        }
        ArtifactDigest digest;
        try {
            digest = store.digest(ref.bucket(), ref.key());
        } catch (ArtifactNotFoundException e) {
            throw invalid("artifact does not exist");
        } catch (RuntimeException e) {
            throw new Rejection("INTERNAL_ERROR", 500, "Unexpected server error",
                    "artifact could not be hashed: " + e.getMessage(), null);
        }
        if (digest.sizeBytes() > maxSizeBytes) {
            throw invalid("artifact is larger than " + maxSizeBytes + " bytes");
        }
        if (!SHA256.matcher(digest.sha256()).matches()) {
            throw invalid("artifact sha256 must be 64 hex characters");
        }
        if (!contentTypes.contains(digest.contentType())) {
            throw invalid("artifact content type " + digest.contentType() + " is not allowed");
        }
        return new ArtifactIntegrity(digest.sha256(), digest.sizeBytes(), digest.contentType());
    }

    private static Rejection invalid(String message) {
        return new Rejection("INVALID_ARTIFACT", 400, message);
    }
}
