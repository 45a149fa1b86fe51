package dev.dxcp.events.deployment;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Questions the deployment read models answer. */
public final class DeploymentQueries {
    private DeploymentQueries() {
    }

    public record FindDeployment(String deploymentId) {
    }

    /** History order (createdAt desc, id desc); null filters match everything. */
    public record ListDeployments(String service, String environment, String state, int limit) {
    }

    public record DeploymentList(List<DeploymentRecord> records) {
    }

    /** The latest successful deployment of a service in an environment (domain §6), if any. */
    public record CurrentRunningStateOf(String service, String environment) {
    }

    public record RunningState(String service, String environment, String version, String deploymentId,
                               DeploymentKind deploymentKind) {
    }

    /** Newest record of (service, environment) in history order (delivery-status "latest"). */
    public record LatestDeploymentOf(String service, String environment) {
    }

    /**
     * The newest SUCCEEDED record of (service, environment) created strictly before a given record
     * (governance §11 rollback version).
     */
    public record PriorSuccessfulDeployment(String service, String environment, String beforeDeploymentId) {
    }

    /**
     * The newest SUCCEEDED record of this version in (service, environment), any kind: what makes a
     * version eligible for promotion out of that environment (api-contract §6).
     */
    public record SuccessfulDeploymentOfVersion(String service, String environment, String version) {
    }

    /**
     * A record as DXCP knew it at {@code asOf}, derived from its events up to then rather than from
     * today's read model (docs/TIME_TRAVEL.md); empty when it did not exist yet.
     */
    public record FindDeploymentAsOf(String deploymentId, Instant asOf) {
    }

    /** delivery-status "latest" and the running state of (service, environment) as DXCP knew them at asOf. */
    public record DeliveryScopeAsOf(String service, String environment, Instant asOf) {
    }

    /** Either part is null when the scope had no such record then. */
    public record DeliveryScopeSnapshot(DeploymentRecord latest, RunningState running) {
        public Optional<DeploymentRecord> latestRecord() {
            return Optional.ofNullable(latest);
        }

        public Optional<RunningState> runningState() {
            return Optional.ofNullable(running);
        }
    }

    /** The normalized timeline of a record (domain §8), answered with a list of {@link TimelineEntry}. */
    public record TimelineOf(DeploymentRecord record) {
    }

    public record TimelineEntry(String key, String label, Instant occurredAt, String detail) {
    }

    /**
     * Deployment records naming an environment, for the environment type lock and delete block
     * (api-contract §10); answered with {@link dev.dxcp.events.configuration.DeploymentReferences}.
     */
    public record DeploymentsInEnvironment(String environmentId) {
    }
}
