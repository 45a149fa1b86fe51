package dev.dxcp.command.governance;

import dev.dxcp.events.governance.FreezeInForce;
import dev.dxcp.events.governance.FreezeWindow;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Which window is in force when, and until when (docs/GOVERNANCE.md "Freeze windows"). */
class FreezeCalendarTest {
    /** Fridays 18:00 Berlin time for 64 hours: until Monday 10:00. */
    private static final FreezeWindow WEEKEND = new FreezeWindow("weekend", "payments", null, "weekend",
            null, null, new FreezeWindow.Schedule("0 18 * * FRI", 64 * 60, "Europe/Berlin"), true, null, null);

    @Test
    void aRecurringWindowIsInForceFromItsCronTimeInItsZone_untilItsDurationEnds() {
        // 2026-03-06 is a Friday; Berlin is UTC+1 in March before the switch.
        assertThat(inForce(WEEKEND, "2026-03-06T16:59:00Z")).isEmpty();
        assertThat(inForce(WEEKEND, "2026-03-06T17:00:00Z")).map(FreezeInForce::endsAt)
                .contains(Instant.parse("2026-03-09T09:00:00Z"));
        assertThat(inForce(WEEKEND, "2026-03-08T12:00:00Z")).isPresent();
        assertThat(inForce(WEEKEND, "2026-03-09T08:59:59Z")).isPresent();
        assertThat(inForce(WEEKEND, "2026-03-09T09:00:00Z")).as("the end is exclusive").isEmpty();
    }

    @Test
    void theTimeZoneFollowsDaylightSavingTime() {
        // 2026-04-03 is a Friday; Berlin is UTC+2 after the March switch.
        assertThat(inForce(WEEKEND, "2026-04-03T16:00:00Z")).map(FreezeInForce::endsAt)
                .contains(Instant.parse("2026-04-06T08:00:00Z"));
        assertThat(inForce(WEEKEND, "2026-04-03T15:59:00Z")).isEmpty();
    }

    @Test
    void aWindowCoversOnlyItsGroupAndEnvironment_nullMeaningEvery() {
        assertThat(FreezeCalendar.inForce(List.of(WEEKEND), "orders", "prod",
                Instant.parse("2026-03-07T12:00:00Z"), false)).isEmpty();
        assertThat(FreezeCalendar.inForce(List.of(WEEKEND), "payments", "any-env",
                Instant.parse("2026-03-07T12:00:00Z"), false)).isPresent();
    }

    @Test
    void whereWindowsOverlap_theOneEndingLastIsReported() {
        FreezeWindow shortOne = new FreezeWindow("short", null, null, "short", Instant.parse("2026-03-07T00:00:00Z"),
                Instant.parse("2026-03-07T13:00:00Z"), null, true, null, null);
        Optional<FreezeInForce> found = FreezeCalendar.inForce(List.of(shortOne, WEEKEND), "payments", "prod",
                Instant.parse("2026-03-07T12:00:00Z"), false);
        assertThat(found).map(f -> f.window().id()).contains("weekend");
    }

    @Test
    void aRollbackIsHeldOnlyByAWindowThatHoldsRollbacks_evenWhereALenientOneAlsoCoversIt() {
        FreezeWindow strict = new FreezeWindow("strict", null, null, "r", null, null, WEEKEND.schedule(), false,
                null, null);
        Instant saturday = Instant.parse("2026-03-07T12:00:00Z");
        assertThat(FreezeCalendar.inForce(List.of(WEEKEND), "payments", "prod", saturday, true)).isEmpty();
        assertThat(FreezeCalendar.inForce(List.of(WEEKEND, strict), "payments", "prod", saturday, true))
                .map(f -> f.window().id()).contains("strict");
        assertThat(FreezeCalendar.inForce(List.of(WEEKEND), "payments", "prod", saturday, false)).isPresent();
    }

    @Test
    void cronFieldsTakeListsRangesStepsAndNames_andBothDayFieldsRestrictedMatchEither() {
        CronSchedule schedule = CronSchedule.parse("*/30 9-17 1,15 JAN-MAR MON");
        assertThat(schedule.matchesDay(java.time.LocalDate.parse("2026-01-15"))).as("the 15th").isTrue();
        assertThat(schedule.matchesDay(java.time.LocalDate.parse("2026-02-02"))).as("a Monday").isTrue();
        assertThat(schedule.matchesDay(java.time.LocalDate.parse("2026-02-03"))).isFalse();
        assertThat(schedule.matchesDay(java.time.LocalDate.parse("2026-04-06"))).as("April").isFalse();
        assertThat(CronSchedule.parse("0 0 * * 7").matchesDay(java.time.LocalDate.parse("2026-03-08")))
                .as("7 is Sunday").isTrue();
        assertThatThrownBy(() -> CronSchedule.parse("0 0 * *")).hasMessageContaining("five fields");
        assertThatThrownBy(() -> CronSchedule.parse("61 0 * * *")).hasMessageContaining("minute");
        assertThatThrownBy(() -> CronSchedule.parse("0 5-2 * * *")).hasMessageContaining("runs backwards");
    }

    private static Optional<FreezeInForce> inForce(FreezeWindow window, String at) {
        return FreezeCalendar.inForce(List.of(window), "payments", "prod", Instant.parse(at), false);
    }
}
