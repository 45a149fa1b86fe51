package dev.dxcp.command.governance;

import dev.dxcp.command.configuration.DeliveryConfigurationState;
import dev.dxcp.events.common.ErrorCode;
import dev.dxcp.events.common.Rejection;
import dev.dxcp.events.governance.FreezeWindow;

import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.regex.Pattern;

/**
 * What a declared freeze window must be (docs/GOVERNANCE.md): an id of lower-case words, a reason, a known
 * group and environment where named, and exactly one of a one-off period (start before end) or a schedule
 * (a valid cron expression, 1 minute to 31 days, a known time zone). Refusals are 400 INVALID_REQUEST
 * naming the field, as the admin settings' validation does (api-contract §11).
 */
final class FreezeWindowRules {
    static final long MAX_DURATION_MINUTES = 31L * 24 * 60;
    private static final Pattern ID = Pattern.compile("^[a-z0-9]+(?:-[a-z0-9]+)*$");

    private FreezeWindowRules() {
    }

    static void check(FreezeWindow window, DeliveryConfigurationState config) {
        if (window.id() == null || !ID.matcher(window.id()).matches() || window.id().length() > 64) {
            throw invalid("id must be lower-case letters and digits joined by single hyphens (at most 64)");
        }
        if (window.reason() == null || window.reason().isBlank() || window.reason().length() > 240) {
            throw invalid("reason is required (at most 240 characters)");
        }
        if (window.deliveryGroupId() != null && config.group(window.deliveryGroupId()).isEmpty()) {
            throw invalid("delivery_group_id " + window.deliveryGroupId() + " is not a delivery group");
        }
        if (window.environment() != null && config.environment(window.environment()).isEmpty()) {
            throw invalid("environment " + window.environment() + " is not an environment");
        }
        boolean oneOff = window.startsAt() != null || window.endsAt() != null;
        if (oneOff == window.recurring()) {
            throw invalid("give either starts_at and ends_at, or schedule");
        }
        if (oneOff) {
            if (window.startsAt() == null || window.endsAt() == null || !window.endsAt().isAfter(window.startsAt())) {
                throw invalid("starts_at and ends_at are both required, ends_at after starts_at");
            }
            return;
        }
        FreezeWindow.Schedule schedule = window.schedule();
        try {
            CronSchedule.parse(schedule.cron());
        } catch (IllegalArgumentException e) {
            throw invalid("schedule.cron: " + e.getMessage());
        }
        if (schedule.durationMinutes() < 1 || schedule.durationMinutes() > MAX_DURATION_MINUTES) {
            throw invalid("schedule.duration_minutes must be from 1 to " + MAX_DURATION_MINUTES);
        }
        try {
            ZoneId.of(schedule.timeZone());
        } catch (DateTimeException | NullPointerException e) {
            throw invalid("schedule.time_zone must be a time zone id such as Europe/Berlin or UTC");
        }
    }

    private static Rejection invalid(String message) {
        return new Rejection(ErrorCode.INVALID_REQUEST, message);
    }
}
