package dev.dxcp.command.governance;

import dev.dxcp.command.configuration.DeliveryConfigurationState;
import dev.dxcp.events.common.ErrorCode;
import dev.dxcp.events.common.Rejection;
import dev.dxcp.events.governance.AutoRollbackPolicy;

import java.util.regex.Pattern;

/**
 * What a declared automatic rollback policy must be (docs/GOVERNANCE.md "Automatic rollback"): an id like a
 * freeze window's, an existing group, and the environment and recipe when named. Refusals are 400
 * INVALID_REQUEST naming the field.
 */
final class AutoRollbackPolicyRules {
    private static final Pattern ID = Pattern.compile("^[a-z0-9]+(?:-[a-z0-9]+)*$");

    private AutoRollbackPolicyRules() {
    }

    static void check(AutoRollbackPolicy policy, DeliveryConfigurationState config) {
        if (policy.id() == null || !ID.matcher(policy.id()).matches() || policy.id().length() > 64) {
            throw invalid("id must be lower-case letters and digits joined by single hyphens (at most 64)");
        }
        if (policy.deliveryGroupId() == null || config.group(policy.deliveryGroupId()).isEmpty()) {
            throw invalid("delivery_group_id must name a delivery group");
        }
        if (policy.environment() != null && config.environment(policy.environment()).isEmpty()) {
            throw invalid("environment " + policy.environment() + " is not an environment");
        }
        if (policy.recipeId() != null && config.recipe(policy.recipeId()).isEmpty()) {
            throw invalid("recipe_id " + policy.recipeId() + " is not a recipe");
        }
    }

    private static Rejection invalid(String message) {
        return new Rejection(ErrorCode.INVALID_REQUEST, message);
    }
}
