package dev.dxcp.command.deployment;

import dev.dxcp.command.common.AggregateCommands;
import dev.dxcp.events.deployment.DeploymentCommands.AdmitDeployment;
import dev.dxcp.events.deployment.DeploymentCommands.InspectLane;
import dev.dxcp.events.deployment.DeploymentCommands.LaneDecision;
import dev.dxcp.events.deployment.DeploymentCommands.LaneSnapshot;
import dev.dxcp.events.deployment.DeploymentCommands.ReapIfStale;
import dev.dxcp.events.deployment.DeploymentCommands.ReleaseDeployment;
import dev.dxcp.events.deployment.DeploymentKind;
import dev.dxcp.events.deployment.FailureModel;
import dev.dxcp.events.deployment.StaleLocks;
import org.axonframework.modelling.command.Repository;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;

/**
 * The lane steps shared by deploys and rollbacks, inside the caller's unit of work: read the lane,
 * reap members that stayed IN_PROGRESS past the lock-stale period (domain §4), count the members still
 * in flight, and ask the lane to admit.
 */
public class LaneGate {
    private final Repository<DeliveryLane> lanes;
    private final Repository<Deployment> deployments;
    private final Duration lockStale;

    public LaneGate(Repository<DeliveryLane> lanes, Repository<Deployment> deployments, Duration lockStale) {
        this.lanes = lanes;
        this.deployments = deployments;
        this.lockStale = lockStale;
    }

    public LaneSnapshot inspect(String laneId, LocalDate day) {
        return AggregateCommands.handle(lanes, laneId, DeliveryLane::new, new InspectLane(laneId, day));
    }

    /** Reaps stale members (releasing their places) and returns how many remaining members are in flight. */
    public int reapAndCountInFlight(String laneId, LaneSnapshot lane, Instant now) {
        int inFlight = 0;
        for (String member : lane.members()) {
            Boolean reaped = AggregateCommands.handle(deployments, member, Deployment::new,
                    new ReapIfStale(member, now.minus(lockStale), staleLockFailure(now), now));
            if (reaped) {
                AggregateCommands.handle(lanes, laneId, DeliveryLane::new, new ReleaseDeployment(laneId, member, now));
            } else if (AggregateCommands.read(deployments, member, Deployment::new, d -> d.state().inFlight())) {
                inFlight++;
            }
        }
        return inFlight;
    }

    /** Members in flight without reaping (validate and summary change nothing). */
    public int countInFlight(LaneSnapshot lane) {
        int inFlight = 0;
        for (String member : lane.members()) {
            if (AggregateCommands.read(deployments, member, Deployment::new, d -> d.state().inFlight())) {
                inFlight++;
            }
        }
        return inFlight;
    }

    public LaneDecision admit(String laneId, String deploymentId, DeploymentKind kind, LocalDate day,
                              int maxConcurrent, int dailyQuota, int inFlight, boolean takePlace, Instant now) {
        return AggregateCommands.handle(lanes, laneId, DeliveryLane::new, new AdmitDeployment(laneId, deploymentId,
                kind, day, maxConcurrent, dailyQuota, inFlight, takePlace, now));
    }

    public void release(String laneId, String deploymentId, Instant now) {
        AggregateCommands.handle(lanes, laneId, DeliveryLane::new, new ReleaseDeployment(laneId, deploymentId, now));
    }

    public static FailureModel staleLockFailure(Instant now) {
        return StaleLocks.failure(now);
    }
}
