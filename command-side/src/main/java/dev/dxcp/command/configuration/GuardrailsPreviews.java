package dev.dxcp.command.configuration;

import dev.dxcp.command.registry.ServiceRegistry;
import dev.dxcp.events.configuration.ConfigurationQueries.GuardrailsPreview;
import dev.dxcp.events.configuration.ConfigurationQueries.GuardrailsPreview.Message;
import dev.dxcp.events.configuration.DeliveryGroupSpec;
import dev.dxcp.events.configuration.Guardrails;
import dev.dxcp.events.configuration.Recipe;
import dev.dxcp.events.configuration.RecipeSpec;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * POST /v1/admin/guardrails/validate (api-contract §11): what saving a delivery group or a recipe body
 * would run into, without saving it. Errors are the same rules the aggregate applies (for a group,
 * only those about fields the body has, so a partial body can be previewed); warnings name settings
 * that would fall back to a default or leave deployments blocked.
 */
public final class GuardrailsPreviews {
    public static final String OK = "OK";
    public static final String WARNING = "WARNING";
    public static final String ERROR = "ERROR";

    private GuardrailsPreviews() {
    }

    public static GuardrailsPreview ofDeliveryGroup(DeliveryGroupSpec spec, Set<String> sentFields,
                                         DeliveryConfigurationState state, ServiceRegistry registry) {
        List<Message> messages = new ArrayList<>();
        String groupId = DeliveryGroupRules.blank(spec.id()) ? null : spec.id().trim();
        for (Violation violation : DeliveryGroupRules.check(spec, groupId, state, registry)) {
            if (sentFields.contains(bodyField(violation.field()))) {
                messages.add(new Message(ERROR, violation.field(), violation.message(), violation.code()));
            }
        }
        Guardrails rails = spec.guardrails() == null ? Guardrails.NONE : spec.guardrails();
        boolean railsMalformed = spec.malformed().stream().anyMatch(f -> f.startsWith(DeliveryGroupSpec.GUARDRAILS));
        if (!railsMalformed) {
            unset(rails.maxConcurrentDeployments(), "max_concurrent_deployments", "Defaults to 1 if unset.", messages);
            unset(rails.dailyDeployQuota(), "daily_deploy_quota", "Defaults to the system quota if unset.", messages);
            unset(rails.dailyRollbackQuota(), "daily_rollback_quota", "Defaults to the system quota if unset.",
                    messages);
        }
        if (noneGiven(spec.services(), sentFields.contains(DeliveryGroupSpec.SERVICES))) {
            messages.add(new Message(WARNING, "services", "No services selected; this group will be inert."));
        }
        if (noneGiven(spec.allowedRecipes(), sentFields.contains(DeliveryGroupSpec.ALLOWED_RECIPES))) {
            messages.add(new Message(WARNING, "allowed_recipes", "No recipes allowed; deployments will be blocked."));
        }
        if (spec.allowedEnvironments() != null && spec.allowedEnvironments().isEmpty()) {
            messages.add(new Message(WARNING, "allowed_environments",
                    "No environments allowed; deployments will be blocked."));
        }
        return result(messages);
    }

    public static GuardrailsPreview ofRecipe(RecipeSpec spec) {
        List<Message> messages = new ArrayList<>();
        RecipeRules.check(spec, null).forEach(v -> messages.add(new Message(ERROR, v.field(), v.message(), v.code())));
        if (DeliveryGroupRules.blank(spec.rollbackPipeline())) {
            messages.add(new Message(WARNING, "rollback_pipeline", "No rollback pipeline configured."));
        }
        if (Recipe.DEPRECATED.equals(RecipeRules.status(spec))) {
            messages.add(new Message(WARNING, "status", "Deprecated recipes cannot be used for new deployments."));
        }
        return result(messages);
    }

    /** Absent, or an empty list; a value of the wrong shape is reported as an error instead. */
    private static boolean noneGiven(List<String> values, boolean sent) {
        return values == null ? !sent : values.isEmpty();
    }

    private static void unset(Integer value, String field, String text, List<Message> messages) {
        if (value == null) {
            messages.add(new Message(WARNING, field, text));
        }
    }

    /** Guardrail violations name the guardrail key; the body field is "guardrails". */
    private static String bodyField(String violationField) {
        return switch (violationField) {
            case "name", "services", "allowed_environments", "allowed_recipes", "owner" -> violationField;
            default -> DeliveryGroupSpec.GUARDRAILS;
        };
    }

    private static GuardrailsPreview result(List<Message> messages) {
        boolean error = messages.stream().anyMatch(m -> ERROR.equals(m.type()));
        return new GuardrailsPreview(error ? ERROR : messages.isEmpty() ? OK : WARNING, List.copyOf(messages));
    }
}
