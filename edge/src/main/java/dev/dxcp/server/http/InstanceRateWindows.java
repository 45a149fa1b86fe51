package dev.dxcp.server.http;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/** Counts in this process: right for the embedded database, which only one process can open. */
public class InstanceRateWindows implements RateWindows {
    private final ConcurrentHashMap<String, Window> windows = new ConcurrentHashMap<>();

    @Override
    public int charge(String counter, long minute, String admissionId) {
        Window window = windows.compute(counter,
                (key, current) -> current == null || current.minute != minute ? new Window(minute) : current);
        if (admissionId != null && !window.admissions.add(admissionId)) {
            return 0;
        }
        int count = window.count.incrementAndGet();
        if (windows.size() > 100_000) {
            windows.values().removeIf(stale -> stale.minute != minute);
        }
        return count;
    }

    private static final class Window {
        final long minute;
        final AtomicInteger count = new AtomicInteger();
        final Set<String> admissions = ConcurrentHashMap.newKeySet();

        Window(long minute) {
            this.minute = minute;
        }
    }
}
