package dev.dxcp.server.axon;

import java.util.List;

/**
 * Waits (bounded) until every projection has processed the given events, so that a client that got its
 * answer reads its own write everywhere (query-side's ReadYourWrites answers it).
 */
@FunctionalInterface
public interface ProjectionCatchUp {
    void await(List<String> eventIdentifiers, String requestId);
}
