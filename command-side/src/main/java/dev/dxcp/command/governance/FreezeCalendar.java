package dev.dxcp.command.governance;

import dev.dxcp.events.governance.FreezeInForce;
import dev.dxcp.events.governance.FreezeWindow;

import java.time.Instant;
import java.time.ZoneId;
import java.util.Collection;
import java.util.Optional;

/**
 * Which freeze window holds a change of a group and environment at an instant: for a rollback only the
 * windows that hold rollbacks too. Where several hold it, the one ending last is reported: the change is
 * frozen until then.
 */
public final class FreezeCalendar {
    private FreezeCalendar() {
    }

    public static Optional<FreezeInForce> inForce(Collection<FreezeWindow> windows, String groupId,
                                                  String environment, Instant at, boolean rollback) {
        FreezeInForce found = null;
        for (FreezeWindow window : windows) {
            if (!window.covers(groupId, environment) || rollback && window.allowRollbacks()) {
                continue;
            }
            Optional<Instant> end = endOfOccurrenceCovering(window, at);
            if (end.isPresent() && (found == null || end.get().isAfter(found.endsAt()))) {
                found = new FreezeInForce(window, end.get());
            }
        }
        return Optional.ofNullable(found);
    }

    /** The end of the window's occurrence covering {@code at}, if it is in force then. */
    public static Optional<Instant> endOfOccurrenceCovering(FreezeWindow window, Instant at) {
        if (!window.recurring()) {
            boolean covering = !window.startsAt().isAfter(at) && window.endsAt().isAfter(at);
            return covering ? Optional.of(window.endsAt()) : Optional.empty();
        }
        FreezeWindow.Schedule schedule = window.schedule();
        return CronSchedule.parse(schedule.cron()).coveringEnd(at, schedule.durationMinutes(),
                ZoneId.of(schedule.timeZone()));
    }
}
