package dev.dxcp.query.history;

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
        Instant at = raw(payload);
        return at == null ? null : Timestamps.truncate(at);
    }

    /** The deployment a record fact belongs to; null for anything else. */
    public static String deploymentOf(Object payload) {
        if (payload instanceof DeploymentAccepted e) {
            return e.deploymentId();
        }
        if (payload instanceof EngineExecutionStarted e) {
            return e.deploymentId();
        }
        if (payload instanceof EngineTriggerRefused e) {
            return e.deploymentId();
        }
        if (payload instanceof DeploymentProgressed e) {
            return e.deploymentId();
        }
        if (payload instanceof DeploymentSucceeded e) {
            return e.deploymentId();
        }
        if (payload instanceof DeploymentFailed e) {
            return e.deploymentId();
        }
        if (payload instanceof DeploymentCanceled e) {
            return e.deploymentId();
        }
        if (payload instanceof DeploymentRolledBackByEngine e) {
            return e.deploymentId();
        }
        return null;
    }

    private static Instant raw(Object payload) {
        if (payload instanceof DeploymentAccepted e) {
            return e.createdAt();
        }
        if (payload instanceof EngineExecutionStarted e) {
            return e.at();
        }
        if (payload instanceof EngineTriggerRefused e) {
            return e.at();
        }
        if (payload instanceof DeploymentProgressed e) {
            return e.at();
        }
        if (payload instanceof DeploymentSucceeded e) {
            return e.at();
        }
        if (payload instanceof DeploymentFailed e) {
            return e.at();
        }
        if (payload instanceof DeploymentCanceled e) {
            return e.at();
        }
        if (payload instanceof DeploymentRolledBackByEngine e) {
            return e.at();
        }
        return null;
    }
}
