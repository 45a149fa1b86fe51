package dev.dxcp.query.operations;

import java.util.Arrays;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * Where a rebuild stopped when it took over: every global index up to {@code index} except the
 * {@code gaps} (slots not yet committed when it passed them) is already in the new generation.
 * The live projection skips exactly those and writes everything else, including late-committed gaps.
 */
public record Handover(long index, Set<Long> gaps) {
    public Handover {
        gaps = Set.copyOf(gaps);
    }

    public boolean covers(long globalIndex) {
        return globalIndex >= 0 && globalIndex <= index && !gaps.contains(globalIndex);
    }

    /** True when every event the other position covers is covered here too. */
    public boolean coversAllOf(Handover other) {
        if (other.index > index) {
            return false;
        }
        // A slot this one skipped must not be one the other already handled.
        return gaps.stream().allMatch(gap -> gap > other.index || other.gaps.contains(gap));
    }

    public String gapsText() {
        return gaps.isEmpty() ? null : new TreeSet<>(gaps).stream().map(String::valueOf)
                .collect(Collectors.joining(","));
    }

    public static Set<Long> parseGaps(String text) {
        if (text == null || text.isBlank()) {
            return Set.of();
        }
        return Arrays.stream(text.split(",")).map(String::trim).map(Long::valueOf).collect(Collectors.toSet());
    }
}
