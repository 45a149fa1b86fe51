package dev.dxcp.gatesim.http;

import dev.dxcp.gatesim.control.Endpoint;
import java.util.EnumMap;
import java.util.Map;

/** Every request that reached a Gate endpoint, faulted or not; for retry assertions. Thread-safe. */
public final class RequestCounter {

    private final Map<Endpoint, Integer> counts = new EnumMap<>(Endpoint.class);

    synchronized void increment(Endpoint endpoint) {
        counts.merge(endpoint, 1, Integer::sum);
    }

    public synchronized int count(Endpoint endpoint) {
        if (endpoint == Endpoint.ANY) {
            return counts.values().stream().mapToInt(Integer::intValue).sum();
        }
        return counts.getOrDefault(endpoint, 0);
    }

    public synchronized Map<Endpoint, Integer> snapshot() {
        return new EnumMap<>(counts);
    }

    public synchronized void clear() {
        counts.clear();
    }
}
