package dev.dxcp.gatesim.orca;

import java.util.ArrayList;
import java.util.List;

/**
 * Durations spelled out the way Orca's timeout messages spell them ("5 minutes 4 seconds",
 * "5 minutes", "1 hour 2 minutes"): leading and trailing zero units are left out.
 */
final class DurationWords {

    private static final String[] UNITS = {"day", "hour", "minute", "second"};
    private static final long[] MILLIS = {86_400_000L, 3_600_000L, 60_000L, 1_000L};

    private DurationWords() {
    }

    static String of(long millis) {
        long[] amounts = new long[UNITS.length];
        long rest = Math.max(0, millis);
        for (int i = 0; i < UNITS.length; i++) {
            amounts[i] = rest / MILLIS[i];
            rest %= MILLIS[i];
        }
        int first = 0;
        while (first < UNITS.length - 1 && amounts[first] == 0) {
            first++;
        }
        int last = UNITS.length - 1;
        while (last > first && amounts[last] == 0) {
            last--;
        }
        List<String> words = new ArrayList<>();
        for (int i = first; i <= last; i++) {
            words.add(amounts[i] + " " + UNITS[i] + (amounts[i] == 1 ? "" : "s"));
        }
        return String.join(" ", words);
    }
}
