package dev.dxcp.bench.phase;

import dev.dxcp.bench.load.LoadRunner;
import dev.dxcp.bench.load.PhaseResult;
import dev.dxcp.bench.rig.Identities;

import java.time.Duration;
import java.util.List;

/**
 * Registrations of large artifacts, one client, one after another: with a store that keeps each object's
 * sha256 a registration reads metadata only, so its latency should not depend on the artifact's size.
 */
public final class LargeArtifactPhase {
    private final RegistrationPhase registrations;

    public LargeArtifactPhase(LoadRunner load, Identities identities) {
        this.registrations = new RegistrationPhase(load, identities);
    }

    public PhaseResult run(List<Build> builds, Duration limit) {
        return registrations.run("large artifact registrations", 1, builds, limit, null);
    }
}
