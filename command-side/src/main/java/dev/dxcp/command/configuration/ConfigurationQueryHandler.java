package dev.dxcp.command.configuration;

import dev.dxcp.command.registry.ServiceRegistry;
import dev.dxcp.events.common.ErrorCode;
import dev.dxcp.events.common.Rejection;
import dev.dxcp.events.configuration.ConfigurationQueries.BoundEnvironment;
import dev.dxcp.events.configuration.ConfigurationQueries.DeliveryGroupOfRecord;
import dev.dxcp.events.configuration.ConfigurationQueries.DeliveryScope;
import dev.dxcp.events.configuration.ConfigurationQueries.DeliveryScopeOf;
import dev.dxcp.events.configuration.ConfigurationQueries.EnvironmentBindingsOf;
import dev.dxcp.events.configuration.ConfigurationQueries.FindDeliveryGroup;
import dev.dxcp.events.configuration.ConfigurationQueries.FindEnvironment;
import dev.dxcp.events.configuration.ConfigurationQueries.FindEnvironmentBinding;
import dev.dxcp.events.configuration.ConfigurationQueries.FindRecipe;
import dev.dxcp.events.configuration.ConfigurationQueries.FindServiceRoute;
import dev.dxcp.events.configuration.ConfigurationQueries.FindVisibleEnvironment;
import dev.dxcp.events.configuration.ConfigurationQueries.GroupsOfServices;
import dev.dxcp.events.configuration.ConfigurationQueries.GuardrailsPreview;
import dev.dxcp.events.configuration.ConfigurationQueries.ListDeliveryGroups;
import dev.dxcp.events.configuration.ConfigurationQueries.ListRecipes;
import dev.dxcp.events.configuration.ConfigurationQueries.ListVisibleEnvironments;
import dev.dxcp.events.configuration.ConfigurationQueries.PreviewDeliveryGroup;
import dev.dxcp.events.configuration.ConfigurationQueries.PreviewRecipe;
import dev.dxcp.events.configuration.ConfigurationQueries.ServiceEnvironment;
import dev.dxcp.events.configuration.ConfigurationQueries.ServiceEnvironmentsOf;
import dev.dxcp.events.configuration.ConfigurationQueries.ServiceGroups;
import dev.dxcp.events.configuration.ConfigurationQueries.VisibleEnvironment;
import dev.dxcp.events.configuration.DeliveryGroup;
import dev.dxcp.events.configuration.Environment;
import dev.dxcp.events.configuration.EnvironmentBinding;
import dev.dxcp.events.configuration.Recipe;
import dev.dxcp.events.configuration.ServiceRoute;
import dev.dxcp.events.deployment.PromotionQueries.PromotionCandidate;
import dev.dxcp.events.deployment.PromotionQueries.PromotionCandidateOf;
import org.axonframework.queryhandling.QueryHandler;

import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The delivery configuration's answers to the edge (api-contract §4, §8–§11), from the state committed
 * right now: the aggregate's own fold, read from the event store on every question.
 */
public class ConfigurationQueryHandler {
    private final DeliveryConfigurationView configuration;
    private final ServiceRegistry registry;

    public ConfigurationQueryHandler(DeliveryConfigurationView configuration, ServiceRegistry registry) {
        this.configuration = configuration;
        this.registry = registry;
    }

    @QueryHandler
    public List<DeliveryGroup> handle(ListDeliveryGroups query) {
        return configuration.current().groups().stream()
                .sorted(Comparator.comparing(DeliveryGroup::name).thenComparing(DeliveryGroup::id)).toList();
    }

    @QueryHandler
    public Optional<DeliveryGroup> handle(FindDeliveryGroup query) {
        return configuration.current().group(query.id());
    }

    @QueryHandler
    public Optional<DeliveryGroup> handle(DeliveryGroupOfRecord query) {
        DeliveryConfigurationState state = configuration.current();
        return state.group(query.deliveryGroupId()).or(() -> state.groupOf(query.service()));
    }

    @QueryHandler
    public ServiceGroups handle(GroupsOfServices query) {
        DeliveryConfigurationState state = configuration.current();
        Map<String, String> groups = new HashMap<>();
        for (DeliveryGroup group : state.groups()) {
            // The first group in creation order that lists a service is its group (groupOf).
            group.services().forEach(service -> groups.putIfAbsent(service, group.id()));
        }
        return new ServiceGroups(groups);
    }

    @QueryHandler
    public List<Recipe> handle(ListRecipes query) {
        return configuration.current().recipes().stream()
                .sorted(Comparator.comparing(Recipe::name).thenComparing(Recipe::id)).toList();
    }

    @QueryHandler
    public Optional<Recipe> handle(FindRecipe query) {
        return configuration.current().recipe(query.id());
    }

    @QueryHandler
    public Optional<Environment> handle(FindEnvironment query) {
        return configuration.current().environment(query.id());
    }

    @QueryHandler
    public List<VisibleEnvironment> handle(ListVisibleEnvironments query) {
        DeliveryConfigurationState state = configuration.current();
        return query.admin() ? EnvironmentVisibility.forAdmin(state)
                : EnvironmentVisibility.forOwner(state, query.email());
    }

    /** Not visible to a non-admin reads exactly like not existing. */
    @QueryHandler
    public Optional<VisibleEnvironment> handle(FindVisibleEnvironment query) {
        DeliveryConfigurationState state = configuration.current();
        return query.admin() ? state.environment(query.environmentId()).map(EnvironmentVisibility::unscoped)
                : EnvironmentVisibility.visibleTo(state, query.email(), query.environmentId());
    }

    @QueryHandler
    public List<BoundEnvironment> handle(EnvironmentBindingsOf query) {
        DeliveryConfigurationState state = configuration.current();
        DeliveryGroup group = state.group(query.deliveryGroupId())
                .orElseThrow(() -> new Rejection(ErrorCode.NOT_FOUND, "Delivery group not found"));
        return state.bindings(group.id()).stream()
                .flatMap(binding -> state.environment(binding.environmentId()).stream()
                        .map(environment -> bound(binding, environment)))
                .toList();
    }

    @QueryHandler
    public Optional<BoundEnvironment> handle(FindEnvironmentBinding query) {
        DeliveryConfigurationState state = configuration.current();
        return state.binding(query.deliveryGroupId(), query.environmentId()).flatMap(binding ->
                state.environment(query.environmentId()).map(environment -> bound(binding, environment)));
    }

    /** One row per environment, by id; enabled is the service's group's access to it (domain §14). */
    @QueryHandler
    public List<ServiceEnvironment> handle(ServiceEnvironmentsOf query) {
        if (registry.find(query.service()).isEmpty()) {
            throw new Rejection(ErrorCode.NOT_FOUND, "Service not found");
        }
        DeliveryConfigurationState state = configuration.current();
        Optional<DeliveryGroup> group = state.groupOf(query.service());
        return state.environmentsSortedByName().stream().map(environment -> new ServiceEnvironment(environment,
                group.map(g -> state.access(g.id(), environment.id()) == EnvironmentAccess.USABLE)
                        .orElse(environment.active()),
                state.route(query.service(), environment.id()).map(ServiceRoute::recipeId).orElse(null))).toList();
    }

    @QueryHandler
    public Optional<ServiceRoute> handle(FindServiceRoute query) {
        return configuration.current().route(query.service(), query.environmentId());
    }

    @QueryHandler
    public DeliveryScope handle(DeliveryScopeOf query) {
        DeliveryConfigurationState state = configuration.current();
        return new DeliveryScope(state.groupOf(query.service())
                .filter(g -> state.access(g.id(), query.environmentId()) != EnvironmentAccess.NOT_ALLOWED)
                .map(DeliveryGroup::id).orElse(null));
    }

    @QueryHandler
    public PromotionCandidate handle(PromotionCandidateOf query) {
        return PromotionCandidates.candidate(query.service(), query.deliveryGroupId(), query.sourceEnvironment(),
                query.running(), configuration.current());
    }

    @QueryHandler
    public GuardrailsPreview handle(PreviewDeliveryGroup query) {
        return GuardrailsPreviews.ofDeliveryGroup(query.spec(), query.sentFields(), configuration.current(),
                registry);
    }

    @QueryHandler
    public GuardrailsPreview handle(PreviewRecipe query) {
        return GuardrailsPreviews.ofRecipe(query.spec());
    }

    private static BoundEnvironment bound(EnvironmentBinding binding, Environment environment) {
        return new BoundEnvironment(binding, environment, binding.enabled() && environment.active());
    }
}
