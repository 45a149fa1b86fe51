package dev.dxcp.gatesim.control;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Faults armed against endpoints. Each arming strikes the next {@code times} matching calls, or
 * every matching call until cleared. When several armings match a call, the oldest wins. Thread-safe.
 */
public final class FaultPlan {

    public static final int UNTIL_CLEARED = -1;

    /** One armed fault; {@code remaining} is {@link #UNTIL_CLEARED} for open-ended ones. */
    public record Armed(Endpoint endpoint, Fault fault, int remaining) {
    }

    private final List<Armed> armed = new ArrayList<>();

    /** Arms {@code fault} for the next {@code times} calls to {@code endpoint}. */
    public synchronized FaultPlan on(Endpoint endpoint, Fault fault, int times) {
        if (times <= 0 && times != UNTIL_CLEARED) {
            throw new IllegalArgumentException("times must be positive or UNTIL_CLEARED, got " + times);
        }
        armed.add(new Armed(endpoint, fault, times));
        return this;
    }

    /** Arms {@code fault} for every call to {@code endpoint} until {@link #clear()}. */
    public FaultPlan always(Endpoint endpoint, Fault fault) {
        return on(endpoint, fault, UNTIL_CLEARED);
    }

    public synchronized void clear() {
        armed.clear();
    }

    public synchronized void clear(Endpoint endpoint) {
        armed.removeIf(a -> a.endpoint() == endpoint);
    }

    public synchronized List<Armed> armed() {
        return List.copyOf(armed);
    }

    /** The fault that strikes this call, if any, using up one of its arming's calls. */
    public synchronized Optional<Fault> take(Endpoint endpoint) {
        for (int i = 0; i < armed.size(); i++) {
            Armed candidate = armed.get(i);
            if (!candidate.endpoint().matches(endpoint)) {
                continue;
            }
            if (candidate.remaining() == 1) {
                armed.remove(i);
            } else if (candidate.remaining() != UNTIL_CLEARED) {
                armed.set(i, new Armed(candidate.endpoint(), candidate.fault(), candidate.remaining() - 1));
            }
            return Optional.of(candidate.fault());
        }
        return Optional.empty();
    }
}
