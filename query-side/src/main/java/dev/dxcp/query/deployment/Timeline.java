package dev.dxcp.query.deployment;

import dev.dxcp.events.deployment.DeploymentQueries.TimelineEntry;
import dev.dxcp.events.deployment.DeploymentRecord;
import dev.dxcp.events.deployment.DeploymentState;

import java.util.ArrayList;
import java.util.List;

/**
 * The normalized timeline of a record (domain §8), derived from the record alone: never an engine
 * stage name, so it reads the same whatever the pipeline looked like.
 */
public final class Timeline {
    private Timeline() {
    }

    public static List<TimelineEntry> of(DeploymentRecord r) {
        List<TimelineEntry> entries = new ArrayList<>();
        entries.add(new TimelineEntry("submitted", "Submitted", r.createdAt(), "The deployment intent was received."));
        entries.add(new TimelineEntry("validated", "Validated", r.createdAt(), "Every guardrail passed."));
        DeploymentState state = r.state();
        if (r.rollbackOf() != null) {
            entries.add(new TimelineEntry("rollback_started", "Rollback started", r.createdAt(),
                    "Returning to version " + r.version() + "."));
            switch (state) {
                case SUCCEEDED -> entries.add(new TimelineEntry("rollback_succeeded", "Rollback succeeded",
                        r.updatedAt(),
                        "Version " + r.version() + " is running again."));
                case FAILED -> entries.add(new TimelineEntry("rollback_failed", "Rollback failed", r.updatedAt(),
                        "The rollback did not complete; see failures."));
                case ACTIVE, IN_PROGRESS -> entries.add(new TimelineEntry("in_progress", "In progress", r.updatedAt(),
                        "The rollback is running."));
                default -> {
                }
            }
            return entries;
        }
        if (state == DeploymentState.PENDING) {
            return entries;
        }
        if (state == DeploymentState.PENDING_APPROVAL) {
            entries.add(new TimelineEntry("pending_approval", "Waiting for approval", r.createdAt(),
                    "The deployment starts once enough approvers approve it."));
            return entries;
        }
        entries.add(new TimelineEntry("in_progress", "In progress", r.createdAt(), "The deployment started."));
        switch (state) {
            case ACTIVE -> entries.add(new TimelineEntry("active", "Active", r.updatedAt(),
                    "The deployment is active."));
            case SUCCEEDED -> entries.add(new TimelineEntry("succeeded", "Succeeded", r.updatedAt(),
                    "Version " + r.version() + " was deployed."));
            case FAILED -> entries.add(new TimelineEntry("failed", "Failed", r.updatedAt(),
                    "The deployment failed; see failures."));
            case CANCELED -> entries.add(new TimelineEntry("failed", "Failed", r.updatedAt(),
                    "The deployment was canceled before it completed."));
            case ROLLED_BACK -> entries.add(new TimelineEntry("rollback_succeeded", "Rollback succeeded", r.updatedAt(),
                    "The delivery system rolled this deployment back."));
            default -> {
            }
        }
        return entries;
    }
}
