package dev.dxcp.query.audit;

import java.time.Instant;
import java.util.Set;

/**
 * What a replay streams (README "Replaying audit history"). Positions and event types narrow the SQL;
 * times narrow it to the second there and exactly in the stream; actor, service, group and environment
 * need the metadata or payload and are checked in the stream. Null means "any".
 *
 * @param after     exclusive cursor: only positions greater than this
 * @param until     inclusive last position, for a fixed slice
 * @param eventTypes payload simple type names, e.g. DeploymentAccepted
 * @param limit     most event lines to send; null for all
 */
public record ReplayFilter(long after, Long until, Instant from, Instant to, String service, String deliveryGroupId,
                           String environment, String actor, Set<String> eventTypes, Long limit) {

    public boolean needsScope() {
        return service != null || deliveryGroupId != null || environment != null;
    }

    public boolean matchesTime(Instant at) {
        return at == null ? from == null && to == null
                : (from == null || !at.isBefore(from)) && (to == null || !at.isAfter(to));
    }

    public boolean matchesScope(EventScope scope) {
        return (service == null || scope.services().contains(service))
                && (deliveryGroupId == null || scope.groups().contains(deliveryGroupId))
                && (environment == null || scope.environments().contains(environment));
    }
}
