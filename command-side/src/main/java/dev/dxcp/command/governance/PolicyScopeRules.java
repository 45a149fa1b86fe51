package dev.dxcp.command.governance;

import dev.dxcp.command.configuration.DeliveryConfigurationState;
import dev.dxcp.events.common.ErrorCode;
import dev.dxcp.events.common.Rejection;

import java.util.regex.Pattern;

/**
 * What every governance policy's id and scope must be (docs/GOVERNANCE.md): an id like a freeze window's, an
 * existing delivery group, and an existing environment when one is named. Refusals are 400 INVALID_REQUEST
 * naming the field.
 */
final class PolicyScopeRules {
    private static final Pattern ID = Pattern.compile("^[a-z0-9]+(?:-[a-z0-9]+)*$");

    private PolicyScopeRules() {
    }

    static void check(String id, String deliveryGroupId, String environment, DeliveryConfigurationState config) {
        if (id == null || !ID.matcher(id).matches() || id.length() > 64) {
            throw invalid("id must be lower-case letters and digits joined by single hyphens (at most 64)");
        }
        if (deliveryGroupId == null || config.group(deliveryGroupId).isEmpty()) {
            throw invalid("delivery_group_id must name a delivery group");
        }
        if (environment != null && config.environment(environment).isEmpty()) {
            throw invalid("environment " + environment + " is not an environment");
        }
    }

    static Rejection invalid(String message) {
        return new Rejection(ErrorCode.INVALID_REQUEST, message);
    }
}
