package dev.dxcp.query.insights;

import dev.dxcp.events.insights.InsightsQueries.KeyCount;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Counts keys; lists them by count descending, ties in the order the keys were first seen (domain §10). */
final class KeyCounter {
    private final Map<String, Long> counts = new LinkedHashMap<>();

    void add(String key) {
        counts.merge(key, 1L, Long::sum);
    }

    List<KeyCount> sorted() {
        List<KeyCount> list = new ArrayList<>();
        counts.forEach((key, count) -> list.add(new KeyCount(key, count)));
        // List.sort is stable, so equal counts keep first-seen order.
        list.sort(Comparator.comparingLong(KeyCount::count).reversed());
        return list;
    }
}
