package dev.dxcp.bench.load;

import java.util.Locale;

/** How the table writes numbers: few digits, thousands separated, never more precision than measured. */
public final class Numbers {
    private Numbers() {
    }

    /** 12,345 or 812 or 3.4 — rates and counts. */
    public static String count(double value) {
        if (Double.isNaN(value)) {
            return "n/a";
        }
        if (Math.abs(value) >= 100) {
            return String.format(Locale.ROOT, "%,d", Math.round(value));
        }
        return String.format(Locale.ROOT, "%.1f", value);
    }

    /** 0.42 ms, 3.1 ms, 27 ms, 1,250 ms. */
    public static String millis(double value) {
        if (Double.isNaN(value)) {
            return "n/a";
        }
        if (value < 1) {
            return String.format(Locale.ROOT, "%.2f ms", value);
        }
        if (value < 10) {
            return String.format(Locale.ROOT, "%.1f ms", value);
        }
        return String.format(Locale.ROOT, "%,d ms", Math.round(value));
    }

    /** A share as a percentage: 0.314 → "31%", 0.004 → "0.4%". */
    public static String percent(double share) {
        if (Double.isNaN(share) || Double.isInfinite(share)) {
            return "n/a";
        }
        double percent = share * 100;
        return percent < 10 ? String.format(Locale.ROOT, "%.1f%%", percent)
                : String.format(Locale.ROOT, "%d%%", Math.round(percent));
    }

    /** Mebibytes from kibibytes, as /proc reports memory. */
    public static String mebibytes(long kib) {
        return kib < 0 ? "n/a" : String.format(Locale.ROOT, "%,d MiB", Math.round(kib / 1024.0));
    }
}
