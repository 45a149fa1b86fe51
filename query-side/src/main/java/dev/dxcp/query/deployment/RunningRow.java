package dev.dxcp.query.deployment;

import java.time.Instant;

/** One rm_running row (the latest success of a service in an environment) while a batch changes it. */
final class RunningRow {
    final String service;
    final String environment;
    final boolean stored;
    String deploymentId;
    String version;
    String deploymentKind;
    Instant createdAt;
    boolean changed;

    RunningRow(String service, String environment, boolean stored) {
        this.service = service;
        this.environment = environment;
        this.stored = stored;
    }
}
