package dev.dxcp.events.governance;

import java.time.Instant;

/**
 * A period in which deploys and promotions into a delivery group and/or environment are refused
 * (docs/GOVERNANCE.md "Freeze windows"). Either one-off ({@code startsAt}..{@code endsAt}) or recurring
 * ({@code schedule}: a five-field cron expression, a duration and a time zone). A null
 * {@code deliveryGroupId} or {@code environment} means every group or every environment.
 *
 * @param allowRollbacks rollbacks go on during the window unless this is false
 */
public record FreezeWindow(String id, String deliveryGroupId, String environment, String reason, Instant startsAt,
                           Instant endsAt, Schedule schedule, boolean allowRollbacks, Instant createdAt,
                           String createdBy) {

    /** A recurring window: it starts at every time {@code cron} names in {@code timeZone} and lasts its duration. */
    public record Schedule(String cron, long durationMinutes, String timeZone) {
    }

    public boolean recurring() {
        return schedule != null;
    }

    /** Whether the window covers a change in this group and environment. */
    public boolean covers(String groupId, String environmentId) {
        return (deliveryGroupId == null || deliveryGroupId.equals(groupId))
                && (environment == null || environment.equals(environmentId));
    }
}
