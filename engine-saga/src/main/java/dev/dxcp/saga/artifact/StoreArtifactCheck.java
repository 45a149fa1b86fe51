package dev.dxcp.saga.artifact;

import dev.dxcp.artifact.ArtifactStore;
import dev.dxcp.artifact.ObjectLookup;
import dev.dxcp.events.build.ArtifactRef;
import dev.dxcp.events.common.ErrorCode;
import dev.dxcp.events.deployment.DeploymentEvents.DeploymentAccepted;
import dev.dxcp.events.deployment.FailureCategory;
import dev.dxcp.events.deployment.FailureModel;
import dev.dxcp.saga.deployment.ArtifactCheck;
import dev.dxcp.saga.deployment.EngineCommands.Refusal;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.util.Optional;

/**
 * The pre-trigger artifact checks against the store: still there (seed 000: retention may have deleted
 * it → ARTIFACT_NOT_FOUND) and still the registered bytes (size, then the sha256: the store's own checksum
 * from the same HEAD where it keeps one, otherwise a streamed one). Anything
 * wrong fails the deployment with an ARTIFACT failure before the engine is called.
 */
public class StoreArtifactCheck implements ArtifactCheck {
    private static final Logger log = LoggerFactory.getLogger(StoreArtifactCheck.class);

    private final ArtifactStore store;
    private final Clock clock;

    public StoreArtifactCheck(ArtifactStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    @Override
    public Optional<Refusal> beforeTrigger(DeploymentAccepted d) {
        if (d.artifactRef() == null) {
            return Optional.empty();
        }
        ArtifactRef ref = ArtifactRef.parse(d.artifactRef());
        ObjectLookup lookup = store.head(ref.bucket(), ref.key());
        if (lookup instanceof ObjectLookup.Missing || lookup instanceof ObjectLookup.Denied) {
            return Optional.of(new Refusal(ErrorCode.ARTIFACT_NOT_FOUND, "The build artifact of " + d.service() + " "
                    + d.version() + " is no longer available: rebuild and publish it, register the new version, then "
                    + "deploy that version", "Artifact " + ref.key() + " is gone; retention may have expired it",
                    null, failure("Build artifact could not be found in the artifact store",
                    "Rebuild and publish the artifact, register the new version and deploy it")));
        }
        if (lookup instanceof ObjectLookup.Unavailable unavailable) {
            log.warn("event=artifact_check_skipped deployment_id={} reason=\"{}\"", d.deploymentId(),
                    unavailable.reason());
            return Optional.empty();
        }
        ObjectLookup.Found found = (ObjectLookup.Found) lookup;
        Long registeredSize = d.artifact().sizeBytes();
        if (registeredSize != null && found.sizeBytes() != registeredSize) {
            return Optional.of(drifted(d, "size " + found.sizeBytes() + " != registered " + registeredSize));
        }
        if (d.artifact().sha256() != null) {
            try {
                // The HEAD already carries the store's checksum where it keeps one: no second request, no stream.
                String stored = found.sha256() != null ? found.sha256() : store.digest(ref.bucket(), ref.key()).sha256();
                if (!stored.equalsIgnoreCase(d.artifact().sha256())) {
                    return Optional.of(drifted(d, "sha256 differs from the registered build"));
                }
            } catch (RuntimeException e) {
                log.warn("event=artifact_check_skipped deployment_id={} reason=\"{}\"", d.deploymentId(),
                        e.getMessage());
            }
        }
        return Optional.empty();
    }

    private Refusal drifted(DeploymentAccepted d, String why) {
        return new Refusal(ErrorCode.INVALID_ARTIFACT, "The artifact of " + d.service() + " " + d.version()
                + " no longer matches the registered build", "Checksum drift: " + why, null,
                failure("Build artifact no longer matches the registered build",
                        "Register a fresh build of this version's artifact, then deploy it"));
    }

    private FailureModel failure(String summary, String hint) {
        return new FailureModel(FailureCategory.ARTIFACT, summary, null, hint, clock.instant());
    }
}
