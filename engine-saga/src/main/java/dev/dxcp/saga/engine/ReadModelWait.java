package dev.dxcp.saga.engine;

import java.util.List;

/** Waits (bounded) until every read model has processed the given events: the query side's read-your-writes. */
@FunctionalInterface
public interface ReadModelWait {
    void await(List<String> eventIdentifiers, String requestId);
}
