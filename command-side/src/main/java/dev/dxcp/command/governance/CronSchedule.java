package dev.dxcp.command.governance;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.BitSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * A five-field cron expression (minute hour day-of-month month day-of-week) as recurring freeze windows use
 * it, in a time zone: each field is {@code *}, a value, a range {@code a-b}, a list {@code a,b}, or a step
 * {@code * /n} / {@code a-b/n}; months and weekdays may be named (JAN, MON); Sunday is 0 or 7. As in cron,
 * when both day fields are restricted a day matches either. Local times that do not exist (a daylight
 * saving gap) start at the first instant after the gap.
 */
public final class CronSchedule {
    private static final List<String> MONTHS = List.of("JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG",
            "SEP", "OCT", "NOV", "DEC");
    private static final List<String> DAYS = List.of("SUN", "MON", "TUE", "WED", "THU", "FRI", "SAT");

    private final BitSet minutes;
    private final BitSet hours;
    private final BitSet daysOfMonth;
    private final BitSet months;
    private final BitSet daysOfWeek;
    private final boolean anyDayOfMonth;
    private final boolean anyDayOfWeek;

    private CronSchedule(String[] fields) {
        minutes = field(fields[0], 0, 59, List.of(), 0, "minute");
        hours = field(fields[1], 0, 23, List.of(), 0, "hour");
        daysOfMonth = field(fields[2], 1, 31, List.of(), 0, "day of month");
        months = field(fields[3], 1, 12, MONTHS, 1, "month");
        BitSet dow = field(fields[4], 0, 7, DAYS, 0, "day of week");
        if (dow.get(7)) {
            dow.set(0);
        }
        daysOfWeek = dow;
        anyDayOfMonth = fields[2].equals("*");
        anyDayOfWeek = fields[4].equals("*");
    }

    /** @throws IllegalArgumentException naming the field that is wrong */
    public static CronSchedule parse(String expression) {
        if (expression == null || expression.isBlank()) {
            throw new IllegalArgumentException("cron expression is required");
        }
        String[] fields = expression.trim().split("\\s+");
        if (fields.length != 5) {
            throw new IllegalArgumentException("cron expression needs five fields: minute hour day-of-month month "
                    + "day-of-week");
        }
        return new CronSchedule(fields);
    }

    /**
     * The end of the latest occurrence that covers {@code at}, if any: an occurrence starting at a time the
     * expression names covers [start, start + duration).
     */
    public Optional<Instant> coveringEnd(Instant at, long durationMinutes, ZoneId zone) {
        Instant latestEnd = null;
        LocalDate today = at.atZone(zone).toLocalDate();
        LocalDate first = at.minusSeconds(durationMinutes * 60).atZone(zone).toLocalDate();
        for (LocalDate day = first; !day.isAfter(today); day = day.plusDays(1)) {
            if (!matchesDay(day)) {
                continue;
            }
            for (int h = hours.nextSetBit(0); h >= 0; h = hours.nextSetBit(h + 1)) {
                for (int m = minutes.nextSetBit(0); m >= 0; m = minutes.nextSetBit(m + 1)) {
                    Instant start = ZonedDateTime.of(day, LocalTime.of(h, m), zone).toInstant();
                    Instant end = start.plusSeconds(durationMinutes * 60);
                    if (!start.isAfter(at) && end.isAfter(at) && (latestEnd == null || end.isAfter(latestEnd))) {
                        latestEnd = end;
                    }
                }
            }
        }
        return Optional.ofNullable(latestEnd);
    }

    boolean matchesDay(LocalDate day) {
        if (!months.get(day.getMonthValue())) {
            return false;
        }
        boolean dom = daysOfMonth.get(day.getDayOfMonth());
        boolean dow = daysOfWeek.get(day.getDayOfWeek() == DayOfWeek.SUNDAY ? 0 : day.getDayOfWeek().getValue());
        if (anyDayOfMonth || anyDayOfWeek) {
            return dom && dow;
        }
        return dom || dow;
    }

    private static BitSet field(String text, int min, int max, List<String> names, int nameBase, String label) {
        BitSet bits = new BitSet(max + 1);
        for (String part : text.split(",")) {
            String range = part;
            int step = 1;
            int slash = part.indexOf('/');
            if (slash >= 0) {
                range = part.substring(0, slash);
                step = number(part.substring(slash + 1), 1, max, List.of(), 0, label);
            }
            int from;
            int to;
            if (range.equals("*")) {
                from = min;
                to = max;
            } else if (range.contains("-")) {
                String[] ends = range.split("-", 2);
                from = number(ends[0], min, max, names, nameBase, label);
                to = number(ends[1], min, max, names, nameBase, label);
                if (to < from) {
                    throw new IllegalArgumentException("cron " + label + " range " + range + " runs backwards");
                }
            } else {
                from = number(range, min, max, names, nameBase, label);
                to = slash >= 0 ? max : from;
            }
            for (int v = from; v <= to; v += step) {
                bits.set(v);
            }
        }
        return bits;
    }

    private static int number(String text, int min, int max, List<String> names, int nameBase, String label) {
        int named = names.indexOf(text.toUpperCase(Locale.ROOT));
        if (named >= 0) {
            return named + nameBase;
        }
        try {
            int value = Integer.parseInt(text);
            if (value >= min && value <= max) {
                return value;
            }
        } catch (NumberFormatException ignored) {
            // reported below
        }
        throw new IllegalArgumentException("cron " + label + " '" + text + "' is not a value from " + min + " to "
                + max);
    }
}
