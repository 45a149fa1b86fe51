package dev.dxcp.bench.phase;

import dev.dxcp.bench.rig.ArtifactBucket;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** One build a phase registers: a service and a version no other build of the run has. */
public record Build(String service, String version) {

    /** {@code count} builds, round-robin over the services, versions {@code <major>.<n>.0}. */
    public static List<Build> batch(List<String> services, int major, int count) {
        List<Build> builds = new ArrayList<>(count);
        for (int n = 0; n < count; n++) {
            builds.add(new Build(services.get(n % services.size()), major + "." + (n / services.size()) + "."
                    + (n % services.size())));
        }
        return builds;
    }

    /** The registration body (api-contract §7): the required provenance, nothing optional. */
    public String registrationJson(long runId) {
        return String.format(Locale.ROOT, "{\"service\":\"%s\",\"version\":\"%s\",\"artifactRef\":\"%s\","
                        + "\"git_sha\":\"%08x%08x\",\"git_branch\":\"main\",\"ci_provider\":\"github\","
                        + "\"ci_run_id\":\"%d\",\"built_at\":\"2026-01-01T00:00:00Z\"}", service, version,
                ArtifactBucket.artifactRef(service, version), service.hashCode(), version.hashCode(), runId);
    }
}
