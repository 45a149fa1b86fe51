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
 * it → ARTIFACT_NOT_FOUND) and still the registered bytes, told from one HEAD ({@link RegisteredArtifactFacts}:
 * size, the store's sha256 where it keeps one, else the ETag registration saw). Anything
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
        RegisteredArtifactFacts registered = new RegisteredArtifactFacts(d.artifact().sizeBytes(),
                d.artifact().sha256(), d.artifact().eTag());
        Optional<String> drift = registered.driftFrom(found);
        if (drift.isPresent()) {
            return Optional.of(drifted(d, drift.get()));
        }
        if (registered.needsBytes(found)) {
            // A build registered before its ETag was kept, in a store without checksums: the bytes must tell.
            try {
                if (!store.digest(ref.bucket(), ref.key()).sha256().equalsIgnoreCase(d.artifact().sha256())) {
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
