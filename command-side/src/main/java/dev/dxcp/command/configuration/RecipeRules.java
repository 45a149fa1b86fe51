package dev.dxcp.command.configuration;

import dev.dxcp.events.common.ErrorCode;
import dev.dxcp.events.configuration.Recipe;
import dev.dxcp.events.configuration.RecipeSpec;
import dev.dxcp.events.configuration.ServiceRoute;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static dev.dxcp.command.configuration.DeliveryGroupRules.blank;
import static dev.dxcp.command.configuration.DeliveryGroupRules.emptyToNull;

/**
 * Validation of a recipe body and the in-use rule (api-contract §9). The check order is the
 * contract's: id, (update) id mismatch, name, deploy pipeline, engine application, engine pipeline,
 * status, behaviour summary. A deploy pipeline is required, as in the reference, so the
 * MISSING_ENGINE_PIPELINE check can only fire if that rule is ever relaxed; it keeps its place.
 */
public final class RecipeRules {
    static final int MAX_SUMMARY = 240;
    private static final int MAX_REFERENCES = 5;

    private RecipeRules() {
    }

    /** Every broken rule, in check order. {@code pathId}: the recipe being updated, null on create. */
    public static List<Violation> check(RecipeSpec spec, String pathId) {
        List<Violation> found = new ArrayList<>();
        if (blank(spec.id())) {
            found.add(new Violation(ErrorCode.RECIPE_ID_REQUIRED, "id", "Recipe id is required"));
        } else if (pathId != null && !spec.id().trim().equals(pathId)) {
            found.add(new Violation(ErrorCode.ID_MISMATCH, "id", "Recipe id cannot be changed"));
        }
        if (blank(spec.name())) {
            found.add(new Violation(ErrorCode.RECIPE_NAME_REQUIRED, "name", "Recipe name is required"));
        }
        boolean application = !blank(spec.spinnakerApplication());
        boolean deploy = !blank(spec.deployPipeline());
        boolean rollback = !blank(spec.rollbackPipeline());
        if (!deploy) {
            found.add(new Violation(ErrorCode.RECIPE_DEPLOY_PIPELINE_REQUIRED, "deploy_pipeline",
                    "deploy_pipeline is required"));
        }
        if ((deploy || rollback) && !application) {
            found.add(new Violation(ErrorCode.MISSING_ENGINE_APP, "spinnaker_application",
                    "spinnaker_application is required when pipelines are set"));
        }
        if (application && !deploy) {
            found.add(new Violation(ErrorCode.MISSING_ENGINE_PIPELINE, "deploy_pipeline",
                    "deploy_pipeline is required when spinnaker_application is set"));
        }
        if (!Recipe.ACTIVE.equals(status(spec)) && !Recipe.DEPRECATED.equals(status(spec))) {
            found.add(new Violation(ErrorCode.INVALID_STATUS, "status", "status must be active or deprecated"));
        }
        if (blank(spec.effectiveBehaviorSummary())) {
            found.add(new Violation(ErrorCode.RECIPE_BEHAVIOR_REQUIRED, "effective_behavior_summary",
                    "effective_behavior_summary is required"));
        } else if (spec.effectiveBehaviorSummary().trim().length() > MAX_SUMMARY) {
            found.add(new Violation(ErrorCode.INVALID_REQUEST, "effective_behavior_summary",
                    "effective_behavior_summary must be at most " + MAX_SUMMARY + " characters"));
        }
        return found;
    }

    /** Absent or blank status means active. */
    static String status(RecipeSpec spec) {
        return blank(spec.status()) ? Recipe.ACTIVE : spec.status().trim();
    }

    /** The recipe a valid spec describes: revision 1 when new, the previous revision + 1 on update. */
    static Recipe toRecipe(RecipeSpec spec, Recipe previous, String actor, Instant at, String changeReason) {
        return new Recipe(spec.id().trim(), spec.name().trim(), emptyToNull(spec.description()),
                emptyToNull(spec.spinnakerApplication()), emptyToNull(spec.deployPipeline()),
                emptyToNull(spec.rollbackPipeline()), previous == null ? 1 : previous.revision() + 1,
                spec.effectiveBehaviorSummary().trim(), status(spec),
                previous == null ? at : previous.createdAt(), previous == null ? actor : previous.createdBy(),
                at, actor, ChangeReasons.next(changeReason, previous == null ? null : previous.lastChangeReason()));
    }

    /**
     * api-contract §9 DELETE: routes are checked first, then groups' allowed_recipes; the details name
     * the total count and at most five references.
     */
    public static Optional<Violation> inUse(String recipeId, DeliveryConfigurationState state) {
        List<Map<String, Object>> routes = state.routes().stream()
                .filter(route -> route.recipeId().equals(recipeId))
                .sorted(Comparator.comparing(ServiceRoute::serviceId).thenComparing(ServiceRoute::environmentId))
                .map(route -> Map.<String, Object>of("service_id", route.serviceId(),
                        "environment_id", route.environmentId()))
                .toList();
        if (!routes.isEmpty()) {
            return Optional.of(recipeInUse(recipeId, "service_environment_routing", routes));
        }
        List<Map<String, Object>> groups = state.groups().stream()
                .filter(group -> group.allowedRecipes().contains(recipeId))
                .map(group -> Map.<String, Object>of("delivery_group_id", group.id()))
                .toList();
        if (!groups.isEmpty()) {
            return Optional.of(recipeInUse(recipeId, "delivery_group_allowed_recipes", groups));
        }
        return Optional.empty();
    }

    private static Violation recipeInUse(String recipeId, String type, List<Map<String, Object>> references) {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("recipe_id", recipeId);
        details.put("reference_type", type);
        details.put("reference_count", references.size());
        details.put("references", references.subList(0, Math.min(MAX_REFERENCES, references.size())));
        return new Violation(ErrorCode.RECIPE_IN_USE, "id", "Recipe " + recipeId + " is in use and cannot be deleted",
                details);
    }
}
