package dev.dxcp.query.audit;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.HashSet;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;

/**
 * Which services, delivery groups and environments an event is about, read from its payload JSON for
 * the replay filters. Field names, not event types, decide, so new events with the usual names are
 * covered: service/serviceId/serviceName and services[]; environment/environmentId/sourceEnvironment;
 * deliveryGroupId; laneId ("lane/{group}/{environment}"); the id of a nested group or environment
 * (and of oldValue/newValue in their update events). Events that name only a deploymentId (engine
 * progress, lane admissions) are resolved through the deployment they belong to.
 */
public record EventScope(Set<String> services, Set<String> groups, Set<String> environments, String deploymentId) {
    private enum IdMeans { GROUP, ENVIRONMENT }

    private static final Set<String> SERVICE = Set.of("service", "serviceId", "serviceName");
    private static final Set<String> ENVIRONMENT = Set.of("environment", "environmentId", "sourceEnvironment");
    private static final String LANE_PREFIX = "lane/";

    public static EventScope of(String simpleType, JsonNode payload) {
        EventScope scope = new EventScope(new HashSet<>(), new HashSet<>(), new HashSet<>(), null);
        if (payload == null || !payload.isObject()) {
            return scope;
        }
        scope.visit(payload, null, simpleType);
        JsonNode deployment = payload.get("deploymentId");
        String deploymentId = deployment != null && deployment.isTextual() ? deployment.asText() : null;
        return new EventScope(scope.services, scope.groups, scope.environments, deploymentId);
    }

    public boolean isEmpty() {
        return services.isEmpty() && groups.isEmpty() && environments.isEmpty();
    }

    public EventScope plus(EventScope other) {
        Set<String> s = new HashSet<>(services);
        Set<String> g = new HashSet<>(groups);
        Set<String> e = new HashSet<>(environments);
        s.addAll(other.services);
        g.addAll(other.groups);
        e.addAll(other.environments);
        return new EventScope(s, g, e, deploymentId);
    }

    private void visit(JsonNode node, IdMeans id, String simpleType) {
        for (Iterator<Map.Entry<String, JsonNode>> fields = node.fields(); fields.hasNext(); ) {
            Map.Entry<String, JsonNode> field = fields.next();
            String name = field.getKey();
            JsonNode value = field.getValue();
            if (value.isTextual()) {
                text(name, value.asText(), id);
            } else if (value.isArray() && name.equals("services")) {
                value.forEach(item -> {
                    if (item.isTextual()) {
                        services.add(item.asText());
                    }
                });
            } else if (value.isObject()) {
                IdMeans nested = switch (name) {
                    case "group" -> IdMeans.GROUP;
                    case "environment" -> IdMeans.ENVIRONMENT;
                    case "oldValue", "newValue" -> updated(simpleType);
                    default -> null;
                };
                // Only containers of scoped things are entered; policy, engine, actor or recipe bodies are not.
                if (nested != null || name.equals("build") || name.equals("oldValue") || name.equals("newValue")) {
                    visit(value, nested, simpleType);
                }
            }
        }
    }

    private void text(String name, String value, IdMeans id) {
        if (SERVICE.contains(name)) {
            services.add(value);
        } else if (ENVIRONMENT.contains(name)) {
            environments.add(value);
        } else if (name.equals("deliveryGroupId")) {
            groups.add(value);
        } else if (name.equals("laneId") && value.startsWith(LANE_PREFIX) && value.lastIndexOf('/') > LANE_PREFIX.length()) {
            int cut = value.lastIndexOf('/');
            groups.add(value.substring(LANE_PREFIX.length(), cut));
            environments.add(value.substring(cut + 1));
        } else if (name.equals("id") && id == IdMeans.GROUP) {
            groups.add(value);
        } else if (name.equals("id") && id == IdMeans.ENVIRONMENT) {
            environments.add(value);
        }
    }

    private static IdMeans updated(String simpleType) {
        if ("DeliveryGroupUpdated".equals(simpleType)) {
            return IdMeans.GROUP;
        }
        if ("EnvironmentUpdated".equals(simpleType)) {
            return IdMeans.ENVIRONMENT;
        }
        return null;
    }
}
