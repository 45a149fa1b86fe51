package dev.dxcp.command.configuration;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import dev.dxcp.command.registry.ServiceRegistry;
import dev.dxcp.events.common.ErrorCode;
import dev.dxcp.events.common.MetaKeys;
import dev.dxcp.events.common.Rejection;
import dev.dxcp.events.configuration.ConfigurationCommands.CreateDeliveryGroup;
import dev.dxcp.events.configuration.ConfigurationCommands.CreateEnvironment;
import dev.dxcp.events.configuration.ConfigurationCommands.CreateRecipe;
import dev.dxcp.events.configuration.ConfigurationCommands.DeleteEnvironment;
import dev.dxcp.events.configuration.ConfigurationCommands.DeleteRecipe;
import dev.dxcp.events.configuration.ConfigurationCommands.SeedDeliveryConfiguration;
import dev.dxcp.events.configuration.ConfigurationCommands.SetEnvironmentBinding;
import dev.dxcp.events.configuration.ConfigurationCommands.SetServiceRoute;
import dev.dxcp.events.configuration.ConfigurationCommands.UpdateDeliveryGroup;
import dev.dxcp.events.configuration.ConfigurationCommands.UpdateEnvironment;
import dev.dxcp.events.configuration.ConfigurationCommands.UpdateRecipe;
import dev.dxcp.events.configuration.ConfigurationEvents;
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
import dev.dxcp.events.configuration.DeliveryGroupSpec;
import dev.dxcp.events.configuration.Environment;
import dev.dxcp.events.configuration.EnvironmentBinding;
import dev.dxcp.events.configuration.EnvironmentSpec;
import dev.dxcp.events.configuration.Recipe;
import dev.dxcp.events.configuration.RecipeSpec;
import dev.dxcp.events.configuration.ServiceRoute;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.messaging.annotation.MetaDataValue;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static dev.dxcp.command.configuration.DeliveryGroupRules.blank;
import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * All delivery configuration (groups, recipes, environments, bindings, routes) as one singleton, so
 * that rules spanning entities (a service in at most one group, a recipe in use cannot be deleted, a
 * referenced environment keeps its type) are decided atomically: two racing admins collide on the
 * event store's unique key and the loser is re-decided against the winner's state. Validation is in
 * the *Rules classes; the fold is {@link DeliveryConfigurationState}, shared with the per-request view.
 * Every handler may create the aggregate, so the first command on an empty store works like any other.
 */
@Aggregate(snapshotTriggerDefinition = "dxcpSnapshotTrigger")
@JsonAutoDetect(fieldVisibility = JsonAutoDetect.Visibility.ANY)
public class DeliveryConfiguration {
    @AggregateIdentifier
    private String configurationId;
    private DeliveryConfigurationState state = DeliveryConfigurationState.EMPTY;

    public DeliveryConfiguration() {
    }

    /** domain §14: once per store; the second instance starting at the same time finds it seeded. */
    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public void handle(SeedDeliveryConfiguration command, @MetaDataValue(MetaKeys.ACTOR_ID) String actor) {
        if (!state.seeded()) {
            FirstStartSeed.events(state, command.services(), actor, command.at()).forEach(event -> apply(event));
        }
    }

    /** api-contract §8 POST: id, then DELIVERY_GROUP_EXISTS, then the body rules. */
    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public void handle(CreateDeliveryGroup command, ServiceRegistry registry,
                       @MetaDataValue(MetaKeys.ACTOR_ID) String actor) {
        DeliveryGroupSpec spec = command.spec();
        if (blank(spec.id())) {
            throw new Rejection(ErrorCode.MISSING_ID, "Delivery group id is required");
        }
        String id = spec.id().trim();
        if (state.group(id).isPresent()) {
            throw new Rejection(ErrorCode.DELIVERY_GROUP_EXISTS, "Delivery group " + id + " already exists");
        }
        Violation.refuseFirst(DeliveryGroupRules.check(spec, null, state, registry));
        DeliveryGroup group = DeliveryGroupRules.toGroup(id, spec, DeliveryGroupRules.environments(spec), null, actor,
                command.at(), command.changeReason());
        apply(new DeliveryGroupCreated(group));
        adoptNamedEnvironments(group, command.at());
    }

    /** api-contract §8 PUT: ID_MISMATCH, 404, then the body rules; omitted allowed_environments are kept. */
    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public void handle(UpdateDeliveryGroup command, ServiceRegistry registry,
                       @MetaDataValue(MetaKeys.ACTOR_ID) String actor) {
        DeliveryGroupSpec spec = command.spec();
        if (!blank(spec.id()) && !spec.id().trim().equals(command.groupId())) {
            throw new Rejection(ErrorCode.ID_MISMATCH, "Delivery group id cannot be changed");
        }
        DeliveryGroup previous = state.group(command.groupId())
                .orElseThrow(() -> Violation.notFound("Delivery group"));
        Violation.refuseFirst(DeliveryGroupRules.check(spec, previous.id(), state, registry));
        List<String> environments = spec.allowedEnvironments() == null ? previous.allowedEnvironments()
                : DeliveryGroupRules.environments(spec);
        DeliveryGroup group = DeliveryGroupRules.toGroup(previous.id(), spec, environments, previous, actor,
                command.at(), command.changeReason());
        apply(new DeliveryGroupUpdated(previous, group));
        if (spec.allowedEnvironments() != null) {
            adoptNamedEnvironments(group, command.at());
        }
    }

    /**
     * api-contract §8: a named environment that does not exist is created (prod only if named prod), and
     * each named environment the group has no binding for yet is bound in list order (order = position),
     * so the promotion order (domain §14, bindings first) follows the list.
     */
    private void adoptNamedEnvironments(DeliveryGroup group, Instant at) {
        List<String> named = group.allowedEnvironments();
        for (int i = 0; named != null && i < named.size(); i++) {
            String environmentId = named.get(i);
            if (state.environment(environmentId).isEmpty()) {
                apply(new EnvironmentCreated(new Environment(environmentId, environmentId,
                        EnvironmentRules.implicitType(environmentId), Environment.ACTIVE, null, at, at)));
            }
            if (state.binding(group.id(), environmentId).isEmpty()) {
                apply(new EnvironmentBindingSet(null, new EnvironmentBinding(group.id(), environmentId, true, i + 1),
                        at));
            }
        }
    }

    /** api-contract §9 POST: body rules, then RECIPE_EXISTS; revision 1. */
    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public void handle(CreateRecipe command, @MetaDataValue(MetaKeys.ACTOR_ID) String actor) {
        RecipeSpec spec = command.spec();
        Violation.refuseFirst(RecipeRules.check(spec, null));
        if (state.recipe(spec.id().trim()).isPresent()) {
            throw new Rejection(ErrorCode.RECIPE_EXISTS, "Recipe " + spec.id().trim() + " already exists");
        }
        apply(new RecipeCreated(RecipeRules.toRecipe(spec, null, actor, command.at(), command.changeReason())));
    }

    /** api-contract §9 PUT: body rules (with ID_MISMATCH), then 404; the revision goes up by one. */
    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public void handle(UpdateRecipe command, @MetaDataValue(MetaKeys.ACTOR_ID) String actor) {
        Violation.refuseFirst(RecipeRules.check(command.spec(), command.recipeId()));
        Recipe previous = state.recipe(command.recipeId()).orElseThrow(() -> Violation.notFound("Recipe"));
        apply(new RecipeUpdated(previous, RecipeRules.toRecipe(command.spec(), previous, actor, command.at(),
                command.changeReason())));
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public void handle(DeleteRecipe command) {
        Recipe recipe = state.recipe(command.recipeId()).orElseThrow(() -> Violation.notFound("Recipe"));
        RecipeRules.inUse(recipe.id(), state).ifPresent(inUse -> {
            throw inUse.toRejection();
        });
        apply(new RecipeDeleted(recipe, command.at()));
    }

    /** api-contract §10 POST: id, type, lifecycle, then ENVIRONMENT_EXISTS; display name defaults to the id. */
    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public void handle(CreateEnvironment command) {
        EnvironmentSpec spec = command.spec();
        Violation.refuseFirst(EnvironmentRules.checkCreate(spec));
        String id = spec.id().trim();
        if (state.environment(id).isPresent()) {
            throw new Rejection(ErrorCode.ENVIRONMENT_EXISTS, "Environment " + id + " already exists");
        }
        apply(new EnvironmentCreated(new Environment(id, blank(spec.displayName()) ? id : spec.displayName().trim(),
                spec.type(), EnvironmentRules.lifecycleAfter(spec, null), spec.guardrails(), command.at(),
                command.at())));
    }

    /** api-contract §10 PATCH: 404, field rules, then the type lock of a referenced environment. */
    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public void handle(UpdateEnvironment command) {
        Environment existing = state.environment(command.environmentId())
                .orElseThrow(() -> Violation.notFound("Environment"));
        EnvironmentSpec patch = command.patch();
        Violation.refuseFirst(EnvironmentRules.checkPatch(patch));
        if (patch.type() != null && !patch.type().equals(existing.type())) {
            List<Map<String, Object>> references = EnvironmentRules.references(existing.id(), state,
                    command.deployments());
            if (!references.isEmpty()) {
                throw new Rejection(ErrorCode.ENVIRONMENT_TYPE_LOCKED, "The type of environment " + existing.id()
                        + " cannot change while it is referenced", null, referenceDetails(existing.id(), references));
            }
        }
        apply(new EnvironmentUpdated(existing, new Environment(existing.id(),
                blank(patch.displayName()) ? existing.displayName() : patch.displayName().trim(),
                patch.type() != null ? patch.type() : existing.type(), EnvironmentRules.lifecycleAfter(patch, existing),
                patch.guardrails() != null ? patch.guardrails() : existing.guardrails(), existing.createdAt(),
                command.at())));
    }

    /** api-contract §10 DELETE: anything still referencing the environment blocks it; retire instead. */
    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public void handle(DeleteEnvironment command) {
        Environment existing = state.environment(command.environmentId())
                .orElseThrow(() -> Violation.notFound("Environment"));
        List<Map<String, Object>> references = EnvironmentRules.references(existing.id(), state, command.deployments());
        if (!references.isEmpty()) {
            Map<String, Object> details = new LinkedHashMap<>();
            details.put("environment_id", existing.id());
            details.put("retire_instead", true);
            details.put("references", references);
            throw new Rejection(ErrorCode.ENVIRONMENT_DELETE_BLOCKED_REFERENCED, "Environment deletion is blocked "
                    + "because DXCP still has references to this environment. Retire it to remove it from new "
                    + "deploy use while preserving history and auditability.", null, details);
        }
        apply(new EnvironmentDeleted(existing, command.at()));
    }

    private static Map<String, Object> referenceDetails(String environmentId, List<Map<String, Object>> references) {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("environment_id", environmentId);
        details.put("references", references);
        return details;
    }

    /** api-contract §10: defaults are the existing binding's values, else enabled / the group's row count. */
    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public void handle(SetEnvironmentBinding command) {
        DeliveryGroup group = state.group(command.groupId()).orElseThrow(() -> Violation.notFound("Delivery group"));
        Environment environment = state.environment(command.environmentId())
                .orElseThrow(() -> Violation.notFound("Environment"));
        Optional<EnvironmentBinding> existing = state.binding(group.id(), environment.id());
        boolean enabled = command.isEnabled() != null ? command.isEnabled()
                : existing.map(EnvironmentBinding::enabled).orElse(true);
        int order = command.orderIndex() != null ? command.orderIndex()
                : existing.map(EnvironmentBinding::orderIndex).orElse(state.bindings(group.id()).size());
        if (order < 0) {
            throw new Rejection(ErrorCode.INVALID_REQUEST, "Invalid request", "order_index must be at least 0", null);
        }
        if (enabled && environment.retired()) {
            throw retired(environment);
        }
        apply(new EnvironmentBindingSet(existing.orElse(null),
                new EnvironmentBinding(group.id(), environment.id(), enabled, order), command.at()));
    }

    /** api-contract §10: 400 without a recipe, then 404 service / environment / recipe, then 409 retired. */
    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public void handle(SetServiceRoute command, ServiceRegistry registry) {
        if (blank(command.recipeId())) {
            throw new Rejection(ErrorCode.INVALID_REQUEST, "Invalid request", "recipe_id is required", null);
        }
        if (registry.find(command.service()).isEmpty()) {
            throw Violation.notFound("Service");
        }
        Environment environment = state.environment(command.environmentId())
                .orElseThrow(() -> Violation.notFound("Environment"));
        Recipe recipe = state.recipe(command.recipeId().trim()).orElseThrow(() -> Violation.notFound("Recipe"));
        if (environment.retired()) {
            throw retired(environment);
        }
        apply(new ServiceRouteSet(state.route(command.service(), environment.id()).orElse(null),
                new ServiceRoute(command.service(), environment.id(), recipe.id()), command.at()));
    }

    private static Rejection retired(Environment environment) {
        return new Rejection(ErrorCode.ENVIRONMENT_RETIRED_IN_ADMIN, "Environment " + environment.id() + " is retired");
    }

    /** A singleton: its events need not carry the identifier. Handlers only remember (conventions). */
    private void remember(Object event) {
        configurationId = ConfigurationEvents.CONFIGURATION_ID;
        state = state.apply(event);
    }

    @EventSourcingHandler
    void on(DeliveryConfigurationSeeded event) {
        remember(event);
    }

    @EventSourcingHandler
    void on(DeliveryGroupCreated event) {
        remember(event);
    }

    @EventSourcingHandler
    void on(DeliveryGroupUpdated event) {
        remember(event);
    }

    @EventSourcingHandler
    void on(RecipeCreated event) {
        remember(event);
    }

    @EventSourcingHandler
    void on(RecipeUpdated event) {
        remember(event);
    }

    @EventSourcingHandler
    void on(RecipeDeleted event) {
        remember(event);
    }

    @EventSourcingHandler
    void on(EnvironmentCreated event) {
        remember(event);
    }

    @EventSourcingHandler
    void on(EnvironmentUpdated event) {
        remember(event);
    }

    @EventSourcingHandler
    void on(EnvironmentDeleted event) {
        remember(event);
    }

    @EventSourcingHandler
    void on(EnvironmentBindingSet event) {
        remember(event);
    }

    @EventSourcingHandler
    void on(ServiceRouteSet event) {
        remember(event);
    }
}
