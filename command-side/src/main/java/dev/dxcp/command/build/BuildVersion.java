package dev.dxcp.command.build;

import dev.dxcp.events.build.BuildMessages.BuildRegistered;
import dev.dxcp.events.build.BuildMessages.BuildVersionDecision;
import dev.dxcp.events.build.BuildMessages.RegisterBuildVersion;
import dev.dxcp.events.build.BuildRecord;
import dev.dxcp.events.common.ErrorCode;
import dev.dxcp.events.common.Rejection;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;

import java.util.LinkedHashMap;
import java.util.Map;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * One service/version of the build registry. Registered once, immutable afterwards: the same
 * artifact and git sha again is answered with the existing build, anything else is a conflict (domain §13).
 */
@Aggregate(cache = "buildVersionCache")
public class BuildVersion {
    @AggregateIdentifier
    private String buildVersionId;
    private BuildRecord build;

    public BuildVersion() {
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public BuildVersionDecision handle(RegisterBuildVersion command) {
        BuildRecord candidate = command.candidate();
        if (build != null) {
            if (!build.sameArtifactAs(candidate)) {
                throw conflictWith(build);
            }
            return new BuildVersionDecision(BuildVersionDecision.Kind.EXISTING, build);
        }
        if (candidate.sha256() == null) {
            return new BuildVersionDecision(BuildVersionDecision.Kind.NEEDS_VERIFICATION, candidate);
        }
        apply(new BuildRegistered(command.buildVersionId(), candidate));
        return new BuildVersionDecision(BuildVersionDecision.Kind.REGISTERED, candidate);
    }

    /** The registered build, or null when this service/version was never registered. */
    public BuildRecord build() {
        return build;
    }

    private static Rejection conflictWith(BuildRecord existing) {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("service", existing.service());
        details.put("version", existing.version());
        details.put("existing_artifactRef", existing.artifactRef());
        details.put("existing_git_sha", existing.gitSha());
        return new Rejection(ErrorCode.BUILD_REGISTRATION_CONFLICT,
                "Build " + existing.service() + " " + existing.version()
                        + " is already registered with a different artifactRef or git_sha", null, details);
    }

    @EventSourcingHandler
    void on(BuildRegistered event) {
        buildVersionId = event.buildVersionId();
        build = event.build();
    }
}
