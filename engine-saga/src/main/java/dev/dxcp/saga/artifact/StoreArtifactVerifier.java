package dev.dxcp.saga.artifact;

import dev.dxcp.artifact.ArtifactDigest;
import dev.dxcp.artifact.ArtifactNotFoundException;
import dev.dxcp.artifact.ArtifactStore;
import dev.dxcp.events.build.ArtifactIntegrity;
import dev.dxcp.events.build.ArtifactRef;
import dev.dxcp.events.build.BuildRecord;
import dev.dxcp.events.build.InvalidArtifactRef;
import dev.dxcp.events.common.ErrorCode;
import dev.dxcp.events.common.Rejection;
import dev.dxcp.events.engine.EngineMessages.MeasureArtifact;
import org.axonframework.queryhandling.QueryHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * Measures a build's artifact in the runtime store (domain §13): bucket must be the runtime bucket,
 * key a .zip, object present; size, media type and a streamed sha256 are taken from the store and
 * must satisfy the integrity limits. Asked outside any transaction, between the two decisions of a
 * registration.
 */
public class StoreArtifactVerifier {
    private static final Logger log = LoggerFactory.getLogger(StoreArtifactVerifier.class);
    private final ArtifactStore store;
    private final Set<String> allowedSchemes;
    private final String runtimeBucket;
    private final UnaryOperator<ArtifactIntegrity> limits;

    /** @param limits the integrity limits every stored build satisfies (the command side's), which refuse */
    public StoreArtifactVerifier(ArtifactStore store, Set<String> allowedSchemes, String runtimeBucket,
                                 UnaryOperator<ArtifactIntegrity> limits) {
        this.store = store;
        this.allowedSchemes = Set.copyOf(allowedSchemes);
        this.runtimeBucket = runtimeBucket;
        this.limits = limits;
    }

    @QueryHandler
    public ArtifactIntegrity handle(MeasureArtifact query) {
        return measure(query.candidate());
    }

    public ArtifactIntegrity measure(BuildRecord candidate) {
        if (runtimeBucket == null || runtimeBucket.isBlank()) {
            throw invalid("runtime artifact bucket is not configured");
        }
        ArtifactRef ref;
        try {
            ref = ArtifactRef.parse(candidate.artifactRef(), allowedSchemes);
        } catch (InvalidArtifactRef e) {
            throw invalid(e.getMessage());
        }
        if (!"s3".equals(ref.scheme()) || !runtimeBucket.equals(ref.bucket())) {
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
            // The store's own words (endpoints, SDK messages) go to the log, never into an answer: with demo
            // mode on, operator_hint reaches every caller, CI included (governance §12).
            log.warn("event=artifact_hash_failed bucket={} key={} error=\"{}\"", ref.bucket(), ref.key(), e.toString());
            throw new Rejection(ErrorCode.INTERNAL_ERROR, "Unexpected server error",
                    "the artifact store could not be read; the server log has the cause under this request_id", null);
        }
        ArtifactIntegrity measured = new ArtifactIntegrity(digest.sha256(), digest.sizeBytes(), digest.contentType());
        limits.apply(measured);
        return measured;
    }

    private static Rejection invalid(String message) {
        return new Rejection(ErrorCode.INVALID_ARTIFACT, message);
    }
}
