package dev.dxcp.command.configuration;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import dev.dxcp.events.configuration.ConfigurationEvents.DeliveryConfigurationSeeded;
import dev.dxcp.events.configuration.ConfigurationEvents.DeliveryGroupCreated;
import dev.dxcp.events.configuration.ConfigurationEvents.DeliveryGroupUpdated;
import dev.dxcp.events.configuration.ConfigurationEvents.EnvironmentBindingSet;
import dev.dxcp.events.configuration.ConfigurationEvents.EnvironmentCreated;
import dev.dxcp.events.configuration.ConfigurationEvents.EnvironmentDeleted;
import dev.dxcp.events.configuration.ConfigurationEvents.EnvironmentUpdated;
import dev.dxcp.events.configuration.ConfigurationEvents.RecipeCreated;
import dev.dxcp.events.configuration.ConfigurationEvents.RecipeDeleted;
import dev.dxcp.events.configuration.ConfigurationEvents.RecipeUpdated;
import dev.dxcp.events.configuration.ConfigurationEvents.ServiceRouteSet;
import dev.dxcp.events.configuration.DeliveryGroup;
import dev.dxcp.events.configuration.Environment;
import dev.dxcp.events.configuration.EnvironmentBinding;
import dev.dxcp.events.configuration.Guardrails;
import dev.dxcp.events.configuration.Recipe;
import dev.dxcp.events.configuration.ServiceRoute;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Delivery configuration folded from its events: groups, recipes, environments, group bindings and
 * service routes. Immutable: {@link #apply} returns a new state, so the aggregate and the per-request
 * view share one fold and readers never see a half-applied change. Groups keep creation order, which
 * decides "the first group whose services contain it" (domain §14). Jackson reads and writes the
 * fields (aggregate snapshots), never the query methods.
 */
@JsonAutoDetect(fieldVisibility = JsonAutoDetect.Visibility.ANY, getterVisibility = JsonAutoDetect.Visibility.NONE,
        isGetterVisibility = JsonAutoDetect.Visibility.NONE)
public final class DeliveryConfigurationState {
    public static final DeliveryConfigurationState EMPTY = new DeliveryConfigurationState(false, Map.of(), Map.of(),
            Map.of(), Map.of(), Map.of());
    static final List<String> DEFAULT_PROMOTION_ORDER = List.of("sandbox", "dev", "staging", "prod");

    private final boolean seeded;
    private final Map<String, DeliveryGroup> groups;
    private final Map<String, Recipe> recipes;
    private final Map<String, Environment> environments;
    private final Map<String, EnvironmentBinding> bindings;
    private final Map<String, ServiceRoute> routes;

    private DeliveryConfigurationState(boolean seeded, Map<String, DeliveryGroup> groups, Map<String, Recipe> recipes,
                                       Map<String, Environment> environments, Map<String, EnvironmentBinding> bindings,
                                       Map<String, ServiceRoute> routes) {
        this.seeded = seeded;
        this.groups = groups;
        this.recipes = recipes;
        this.environments = environments;
        this.bindings = bindings;
        this.routes = routes;
    }

    /** Reads a snapshot back; maps keep their insertion order (it decides a service's group). */
    @JsonCreator
    static DeliveryConfigurationState fromSnapshot(@JsonProperty("seeded") boolean seeded,
                                                   @JsonProperty("groups") Map<String, DeliveryGroup> groups,
                                                   @JsonProperty("recipes") Map<String, Recipe> recipes,
                                                   @JsonProperty("environments") Map<String, Environment> environments,
                                                   @JsonProperty("bindings") Map<String, EnvironmentBinding> bindings,
                                                   @JsonProperty("routes") Map<String, ServiceRoute> routes) {
        return new DeliveryConfigurationState(seeded, frozen(groups), frozen(recipes), frozen(environments),
                frozen(bindings), frozen(routes));
    }

    private static <V> Map<String, V> frozen(Map<String, V> map) {
        return map == null ? Map.of() : java.util.Collections.unmodifiableMap(new LinkedHashMap<>(map));
    }

    public DeliveryConfigurationState apply(Object event) {
        if (event instanceof DeliveryConfigurationSeeded) {
            return new DeliveryConfigurationState(true, groups, recipes, environments, bindings, routes);
        }
        if (event instanceof DeliveryGroupCreated e) {
            return withGroups(put(groups, e.group().id(), e.group()));
        }
        if (event instanceof DeliveryGroupUpdated e) {
            return withGroups(put(groups, e.newValue().id(), e.newValue()));
        }
        if (event instanceof RecipeCreated e) {
            return withRecipes(put(recipes, e.recipe().id(), e.recipe()));
        }
        if (event instanceof RecipeUpdated e) {
            return withRecipes(put(recipes, e.newValue().id(), e.newValue()));
        }
        if (event instanceof RecipeDeleted e) {
            return withRecipes(remove(recipes, e.recipe().id()));
        }
        if (event instanceof EnvironmentCreated e) {
            return withEnvironments(put(environments, e.environment().id(), e.environment()));
        }
        if (event instanceof EnvironmentUpdated e) {
            return withEnvironments(put(environments, e.newValue().id(), e.newValue()));
        }
        if (event instanceof EnvironmentDeleted e) {
            return withEnvironments(remove(environments, e.environment().id()));
        }
        if (event instanceof EnvironmentBindingSet e) {
            EnvironmentBinding b = e.newValue();
            return new DeliveryConfigurationState(seeded, groups, recipes, environments,
                    put(bindings, pair(b.deliveryGroupId(), b.environmentId()), b), routes);
        }
        if (event instanceof ServiceRouteSet e) {
            ServiceRoute r = e.newValue();
            return new DeliveryConfigurationState(seeded, groups, recipes, environments, bindings,
                    put(routes, pair(r.serviceId(), r.environmentId()), r));
        }
        return this;
    }

    public boolean seeded() {
        return seeded;
    }

    public Collection<DeliveryGroup> groups() {
        return groups.values();
    }

    public Optional<DeliveryGroup> group(String id) {
        return Optional.ofNullable(id == null ? null : groups.get(id));
    }

    /** A service belongs to at most one group: the first, in creation order, that lists it. */
    public Optional<DeliveryGroup> groupOf(String service) {
        return groups.values().stream().filter(g -> g.services().contains(service)).findFirst();
    }

    public Collection<Recipe> recipes() {
        return recipes.values();
    }

    public Optional<Recipe> recipe(String id) {
        return Optional.ofNullable(id == null ? null : recipes.get(id));
    }

    public Collection<Environment> environments() {
        return environments.values();
    }

    public Optional<Environment> environment(String id) {
        return Optional.ofNullable(id == null ? null : environments.get(id));
    }

    public Optional<EnvironmentBinding> binding(String groupId, String environmentId) {
        return Optional.ofNullable(bindings.get(pair(groupId, environmentId)));
    }

    /** A group's bindings ordered by (order_index, environment_id). */
    public List<EnvironmentBinding> bindings(String groupId) {
        return bindings.values().stream().filter(b -> b.deliveryGroupId().equals(groupId))
                .sorted(Comparator.comparingInt(EnvironmentBinding::orderIndex)
                        .thenComparing(EnvironmentBinding::environmentId)).toList();
    }

    public Collection<EnvironmentBinding> allBindings() {
        return bindings.values();
    }

    public Optional<ServiceRoute> route(String service, String environmentId) {
        return Optional.ofNullable(routes.get(pair(service, environmentId)));
    }

    public Collection<ServiceRoute> routes() {
        return routes.values();
    }

    /**
     * domain §14: usable iff the environment exists and the group binds it, or has no binding for it
     * and no legacy list or a legacy list naming it; then retired, then effectively disabled.
     */
    public EnvironmentAccess access(String groupId, String environmentId) {
        Optional<DeliveryGroup> group = group(groupId);
        Optional<Environment> environment = environment(environmentId);
        if (group.isEmpty() || environment.isEmpty()) {
            return EnvironmentAccess.NOT_ALLOWED;
        }
        Optional<EnvironmentBinding> binding = binding(groupId, environmentId);
        List<String> legacy = group.get().allowedEnvironments();
        boolean usable = binding.isPresent() || legacy == null || legacy.contains(environmentId);
        if (!usable) {
            return EnvironmentAccess.NOT_ALLOWED;
        }
        if (environment.get().retired()) {
            return EnvironmentAccess.RETIRED;
        }
        boolean enabled = environment.get().active() && binding.map(EnvironmentBinding::enabled).orElse(true);
        return enabled ? EnvironmentAccess.USABLE : EnvironmentAccess.DISABLED;
    }

    /** Environment override beats the group; positive group values beat the defaults (governance §7, §9). */
    public EffectiveGuardrails guardrails(String groupId, String environmentId) {
        Guardrails groupRails = group(groupId).map(DeliveryGroup::guardrails).orElse(Guardrails.NONE);
        Guardrails envRails = environment(environmentId).map(Environment::guardrails).orElse(Guardrails.NONE);
        int max = pick(envRails.maxConcurrentDeployments(), groupRails.maxConcurrentDeployments(),
                Guardrails.DEFAULT_MAX_CONCURRENT);
        return new EffectiveGuardrails(Math.max(1, max),
                pick(envRails.dailyDeployQuota(), groupRails.dailyDeployQuota(), Guardrails.DEFAULT_DAILY_DEPLOY_QUOTA),
                pick(envRails.dailyRollbackQuota(), groupRails.dailyRollbackQuota(),
                        Guardrails.DEFAULT_DAILY_ROLLBACK_QUOTA));
    }

    /**
     * domain §14: enabled bindings with order_index > 0 by (order, id); else enabled bound
     * environments in their order; else the legacy list; else the default order.
     */
    public List<String> promotionOrder(String groupId) {
        List<EnvironmentBinding> enabled = bindings(groupId).stream()
                .filter(b -> b.enabled() && environment(b.environmentId()).map(Environment::active).orElse(false))
                .toList();
        List<String> ordered = enabled.stream().filter(b -> b.orderIndex() > 0)
                .map(EnvironmentBinding::environmentId).toList();
        if (!ordered.isEmpty()) {
            return ordered;
        }
        if (!enabled.isEmpty()) {
            return enabled.stream().map(EnvironmentBinding::environmentId).toList();
        }
        List<String> legacy = group(groupId).map(DeliveryGroup::allowedEnvironments).orElse(null);
        return legacy != null ? legacy : DEFAULT_PROMOTION_ORDER;
    }

    private static int pick(Integer override, Integer groupValue, int fallback) {
        if (override != null && override > 0) {
            return override;
        }
        return groupValue != null && groupValue > 0 ? groupValue : fallback;
    }

    private DeliveryConfigurationState withGroups(Map<String, DeliveryGroup> next) {
        return new DeliveryConfigurationState(seeded, next, recipes, environments, bindings, routes);
    }

    private DeliveryConfigurationState withRecipes(Map<String, Recipe> next) {
        return new DeliveryConfigurationState(seeded, groups, next, environments, bindings, routes);
    }

    private DeliveryConfigurationState withEnvironments(Map<String, Environment> next) {
        return new DeliveryConfigurationState(seeded, groups, recipes, next, bindings, routes);
    }

    private static String pair(String a, String b) {
        return a + "\u0000" + b;
    }

    private static <V> Map<String, V> put(Map<String, V> map, String key, V value) {
        Map<String, V> copy = new LinkedHashMap<>(map);
        copy.put(key, value);
        return java.util.Collections.unmodifiableMap(copy);
    }

    private static <V> Map<String, V> remove(Map<String, V> map, String key) {
        Map<String, V> copy = new LinkedHashMap<>(map);
        copy.remove(key);
        return java.util.Collections.unmodifiableMap(copy);
    }

    /** Environments bound to nothing but named nowhere are still listed; used by admin reads. */
    public List<Environment> environmentsSortedByName() {
        List<Environment> sorted = new ArrayList<>(environments.values());
        sorted.sort(Comparator.comparing(Environment::id));
        return sorted;
    }
}
