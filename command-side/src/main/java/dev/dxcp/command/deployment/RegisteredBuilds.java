package dev.dxcp.command.deployment;

import dev.dxcp.command.build.BuildVersion;
import dev.dxcp.command.common.AggregateCommands;
import dev.dxcp.events.build.BuildMessages;
import dev.dxcp.events.build.BuildRecord;
import org.axonframework.modelling.command.Repository;

/**
 * Governance §5 step 11, version registered, asked of the command side's truth inside the deciding unit
 * of work: a build registered a moment ago is deployable (and promotable) at once.
 */
public class RegisteredBuilds {
    private final Repository<BuildVersion> builds;

    public RegisteredBuilds(Repository<BuildVersion> builds) {
        this.builds = builds;
    }

    /** @throws dev.dxcp.events.common.Rejection VERSION_NOT_FOUND when the version was never registered */
    public BuildRecord registered(String service, String version) {
        BuildRecord build = AggregateCommands.read(builds, BuildMessages.buildVersionId(service, version),
                BuildVersion::new, BuildVersion::build);
        if (build == null) {
            throw DeploymentPolicy.versionNotFound(service, version);
        }
        return build;
    }
}
