package dev.dxcp.query.deployment;

import dev.dxcp.events.deployment.DeploymentRecord;
import dev.dxcp.events.deployment.DeploymentState;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The normalized timeline of a record (domain §8), derived from the record alone: never an engine
 * stage name, so it reads the same whatever the pipeline looked like.
 */
public final class Timeline {
    private Timeline() {
    }

    public record Entry(String key, String label, Instant occurredAt, String detail) {
    }

    public static List<Entry> of(DeploymentRecord r) {
        List<Entry> entries = new ArrayList<>();
        entries.add(new Entry("submitted", "Submitted", r.createdAt(), "The deployment intent was received."));
        entries.add(new Entry("validated", "Validated", r.createdAt(), "Every guardrail passed."));
        DeploymentState state = r.state();
        if (r.rollbackOf() != null) {
            entries.add(new Entry("rollback_started", "Rollback started", r.createdAt(),
                    "Returning to version " + r.version() + "."));
            switch (state) {
                case SUCCEEDED -> entries.add(new Entry("rollback_succeeded", "Rollback succeeded", r.updatedAt(),
                        "Version " + r.version() + " is running again."));
                case FAILED -> entries.add(new Entry("rollback_failed", "Rollback failed", r.updatedAt(),
                        "The rollback did not complete; see failures."));
                case ACTIVE, IN_PROGRESS -> entries.add(new Entry("in_progress", "In progress", r.updatedAt(),
                        "The rollback is running."));
                default -> {
                }
            }
            return entries;
        }
        if (state == DeploymentState.PENDING) {
            return entries;
        }
        entries.add(new Entry("in_progress", "In progress", r.createdAt(), "The deployment started."));
        switch (state) {
            case ACTIVE -> entries.add(new Entry("active", "Active", r.updatedAt(), "The deployment is active."));
            case SUCCEEDED -> entries.add(new Entry("succeeded", "Succeeded", r.updatedAt(),
                    "Version " + r.version() + " was deployed."));
            case FAILED -> entries.add(new Entry("failed", "Failed", r.updatedAt(),
                    "The deployment failed; see failures."));
            case CANCELED -> entries.add(new Entry("failed", "Failed", r.updatedAt(),
                    "The deployment was canceled before it completed."));
            case ROLLED_BACK -> entries.add(new Entry("rollback_succeeded", "Rollback succeeded", r.updatedAt(),
                    "The delivery system rolled this deployment back."));
            default -> {
            }
        }
        return entries;
    }
}
