package dev.dxcp.command.governance;

import dev.dxcp.command.configuration.DeliveryConfigurationState;
import dev.dxcp.events.governance.AutoRollbackPolicy;

/**
 * What a declared automatic rollback policy must be (docs/GOVERNANCE.md "Automatic rollback"): the id and scope
 * every policy has, and an existing recipe when one is named. Refusals are 400 INVALID_REQUEST naming the field.
 */
final class AutoRollbackPolicyRules {
    private AutoRollbackPolicyRules() {
    }

    static void check(AutoRollbackPolicy policy, DeliveryConfigurationState config) {
        PolicyScopeRules.check(policy.id(), policy.deliveryGroupId(), policy.environment(), config);
        if (policy.recipeId() != null && config.recipe(policy.recipeId()).isEmpty()) {
            throw PolicyScopeRules.invalid("recipe_id " + policy.recipeId() + " is not a recipe");
        }
    }
}
