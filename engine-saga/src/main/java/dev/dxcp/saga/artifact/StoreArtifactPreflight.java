package dev.dxcp.saga.artifact;

import dev.dxcp.artifact.ArtifactStore;
import dev.dxcp.artifact.ObjectLookup;
import dev.dxcp.events.build.ArtifactRef;
import dev.dxcp.events.build.BuildRecord;
import dev.dxcp.events.common.ErrorCode;
import dev.dxcp.events.common.Rejection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Optional;

/**
 * Domain §16's artifact preflight: a HEAD with a short timeout. The registry may still hold a version
 * whose object retention has deleted (seed 000): that answers ARTIFACT_NOT_FOUND, never
 * VERSION_NOT_FOUND. An object replaced since registration (size, store checksum or ETag differ) answers
 * INVALID_ARTIFACT, as the deploy's own check would fail it. Credential or network trouble skips the check
 * rather than blame the artifact.
 */
public class StoreArtifactPreflight {
    private static final Logger log = LoggerFactory.getLogger(StoreArtifactPreflight.class);

    private final ArtifactStore store;

    public StoreArtifactPreflight(ArtifactStore store) {
        this.store = store;
    }

    public Optional<Rejection> check(BuildRecord build) {
        ArtifactRef ref = ArtifactRef.parse(build.artifactRef());
        ObjectLookup lookup = store.head(ref.bucket(), ref.key());
        if (lookup instanceof ObjectLookup.Missing) {
            return Optional.of(notFound("The registered artifact is no longer in the artifact store",
                    "Object " + ref.key() + " is missing, possibly expired by a retention rule"));
        }
        if (lookup instanceof ObjectLookup.Denied) {
            return Optional.of(notFound("Artifact is not available", "Access to " + ref.key() + " was denied"));
        }
        if (lookup instanceof ObjectLookup.Unavailable unavailable) {
            log.warn("event=artifact_preflight_skipped reason=\"{}\"", unavailable.reason());
            return Optional.empty();
        }
        // The registration's facts against the same HEAD: a replaced object fails here, as the deploy would.
        return new RegisteredArtifactFacts(build.sizeBytes(), build.sha256(), build.artifactEtag())
                .driftFrom((ObjectLookup.Found) lookup)
                .map(why -> new Rejection(ErrorCode.INVALID_ARTIFACT, "The artifact of " + build.service() + " "
                        + build.version() + " no longer matches the registered build: register a fresh build of "
                        + "this version's artifact, then deploy it", "Checksum drift: " + why, null));
    }

    /** The user is told what to do: rebuild, publish, register and deploy the new version (domain §16). */
    public static Rejection notFound(String message, String hint) {
        return new Rejection(ErrorCode.ARTIFACT_NOT_FOUND, message
                + ": rebuild and publish the artifact, register the new version, then deploy it", hint, null);
    }
}
