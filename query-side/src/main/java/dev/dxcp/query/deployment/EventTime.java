package dev.dxcp.query.deployment;

import dev.dxcp.events.common.Timestamps;
import dev.dxcp.events.deployment.DeploymentEvents.DeploymentAccepted;
import dev.dxcp.events.deployment.DeploymentEvents.DeploymentCanceled;
import dev.dxcp.events.deployment.DeploymentEvents.DeploymentFailed;
import dev.dxcp.events.deployment.DeploymentEvents.DeploymentProgressed;
import dev.dxcp.events.deployment.DeploymentEvents.DeploymentRolledBackByEngine;
import dev.dxcp.events.deployment.DeploymentEvents.DeploymentSucceeded;
import dev.dxcp.events.deployment.DeploymentEvents.EngineExecutionStarted;
import dev.dxcp.events.deployment.DeploymentEvents.EngineTriggerRefused;

import java.time.Instant;

/**
 * When DXCP says a deployment fact happened: the time in the event itself (the decision or engine
 * observation time), truncated to the microsecond that the read model stores and the wire shows.
 * Time travel compares this time with {@code asOf}, so a client can take any createdAt/updatedAt it
 * was shown and ask "as of that moment" and get a state that includes that change.
 */
public final class EventTime {
    private EventTime() {
    }

    /** Null for payloads that are not deployment record facts. */
    public static Instant of(Object payload) {
        Fact fact = fact(payload);
        return fact == null ? null : Timestamps.truncate(fact.at());
    }

    /** The deployment a record fact belongs to; null for anything else. */
    public static String deploymentOf(Object payload) {
        Fact fact = fact(payload);
        return fact == null ? null : fact.deploymentId();
    }

    private record Fact(String deploymentId, Instant at) {
    }

    private static Fact fact(Object payload) {
        if (payload instanceof DeploymentAccepted e) {
            return new Fact(e.deploymentId(), e.createdAt());
        }
        if (payload instanceof EngineExecutionStarted e) {
            return new Fact(e.deploymentId(), e.at());
        }
        if (payload instanceof EngineTriggerRefused e) {
            return new Fact(e.deploymentId(), e.at());
        }
        if (payload instanceof DeploymentProgressed e) {
            return new Fact(e.deploymentId(), e.at());
        }
        if (payload instanceof DeploymentSucceeded e) {
            return new Fact(e.deploymentId(), e.at());
        }
        if (payload instanceof DeploymentFailed e) {
            return new Fact(e.deploymentId(), e.at());
        }
        if (payload instanceof DeploymentCanceled e) {
            return new Fact(e.deploymentId(), e.at());
        }
        if (payload instanceof DeploymentRolledBackByEngine e) {
            return new Fact(e.deploymentId(), e.at());
        }
        return null;
    }
}
