package dev.dxcp.command.deployment;

import dev.dxcp.command.build.BuildVersion;
import dev.dxcp.command.common.AggregateCommands;
import dev.dxcp.events.build.BuildMessages;
import dev.dxcp.events.build.BuildRecord;
import org.axonframework.modelling.command.Repository;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Governance §5 step 11, version registered, asked of the command side's truth: a build registered a moment
 * ago is deployable (and promotable) at once. A registered build never changes (its aggregate accepts one
 * BuildRegistered and nothing after it), so a build once found is remembered and later deploys and validates
 * of it read no event (decision 152); a version not found is asked again every time.
 */
public class RegisteredBuilds {
    /** About 1 KB each; a deploy or validate of an older build reads its aggregate once more. */
    private static final int REMEMBERED = 4_096;

    private final Repository<BuildVersion> builds;
    private final Map<String, BuildRecord> known = new LinkedHashMap<>(256, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, BuildRecord> eldest) {
            return size() > REMEMBERED;
        }
    };

    public RegisteredBuilds(Repository<BuildVersion> builds) {
        this.builds = builds;
    }

    /** @throws dev.dxcp.events.common.Rejection VERSION_NOT_FOUND when the version was never registered */
    public BuildRecord registered(String service, String version) {
        String id = BuildMessages.buildVersionId(service, version);
        BuildRecord build;
        synchronized (known) {
            build = known.get(id);
        }
        if (build != null) {
            return build;
        }
        build = AggregateCommands.read(builds, id, BuildVersion::new, BuildVersion::build);
        if (build == null) {
            throw DeploymentPolicy.versionNotFound(service, version);
        }
        synchronized (known) {
            known.put(id, build);
        }
        return build;
    }
}
