package dev.dxcp.command.configuration;

import dev.dxcp.events.common.ErrorCode;
import dev.dxcp.events.configuration.DeploymentReferences;
import dev.dxcp.events.configuration.Environment;
import dev.dxcp.events.configuration.EnvironmentBinding;
import dev.dxcp.events.configuration.EnvironmentSpec;
import dev.dxcp.events.configuration.Guardrails;
import dev.dxcp.events.configuration.ServiceRoute;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/** Environment admin rules (api-contract §10): ids, type, lifecycle, and what still references one. */
public final class EnvironmentRules {
    public static final String NON_PROD = "non_prod";
    public static final String PROD = "prod";
    private static final Pattern ID = Pattern.compile("^[a-z0-9]+(?:-[a-z0-9]+)*$");
    private static final Set<String> TYPES = Set.of(NON_PROD, PROD);
    private static final Set<String> LIFECYCLES = Set.of(Environment.ACTIVE, Environment.DISABLED, Environment.RETIRED);
    private static final int MAX_EXAMPLES = 5;

    private EnvironmentRules() {
    }

    public static boolean validId(String id) {
        return id != null && ID.matcher(id).matches();
    }

    /** Create: id, type, lifecycle state, guardrails, in this order. */
    public static List<Violation> checkCreate(EnvironmentSpec spec) {
        List<Violation> found = new ArrayList<>();
        if (!validId(spec.id() == null ? null : spec.id().trim())) {
            found.add(new Violation(ErrorCode.INVALID_ENVIRONMENT_ID, "environment_id",
                    "environment_id must match ^[a-z0-9]+(?:-[a-z0-9]+)*$"));
        }
        if (spec.type() == null || !TYPES.contains(spec.type())) {
            found.add(invalidType());
        }
        found.addAll(checkPatch(new EnvironmentSpec(null, null, null, spec.lifecycleState(), spec.isEnabled(),
                spec.guardrails(), spec.guardrailsMalformed())));
        return found;
    }

    /** Patch: only the fields sent are checked. */
    public static List<Violation> checkPatch(EnvironmentSpec patch) {
        List<Violation> found = new ArrayList<>();
        if (patch.type() != null && !TYPES.contains(patch.type())) {
            found.add(invalidType());
        }
        if (patch.lifecycleState() != null && !LIFECYCLES.contains(normalized(patch.lifecycleState()))) {
            found.add(new Violation(ErrorCode.INVALID_ENVIRONMENT_LIFECYCLE_STATE, "lifecycle_state",
                    "lifecycle_state must be one of: active, disabled, retired"));
        }
        Guardrails rails = patch.guardrails();
        boolean nonPositive = rails != null && (notPositive(rails.maxConcurrentDeployments())
                || notPositive(rails.dailyDeployQuota()) || notPositive(rails.dailyRollbackQuota()));
        if (patch.guardrailsMalformed() || nonPositive) {
            found.add(new Violation(ErrorCode.INVALID_GUARDRAIL, "guardrails",
                    "Environment guardrails must be positive integers"));
        }
        return found;
    }

    /**
     * lifecycle_state wins; else is_enabled true → active, false → disabled (retired stays retired);
     * else the current state, or active for a new environment.
     */
    static String lifecycleAfter(EnvironmentSpec spec, Environment existing) {
        if (spec.lifecycleState() != null) {
            return normalized(spec.lifecycleState());
        }
        if (spec.isEnabled() != null) {
            if (spec.isEnabled()) {
                return Environment.ACTIVE;
            }
            return existing != null && existing.retired() ? Environment.RETIRED : Environment.DISABLED;
        }
        return existing == null ? Environment.ACTIVE : existing.lifecycleState();
    }

    /** An environment a group names but that does not exist yet (api-contract §8): prod only if named prod. */
    static String implicitType(String id) {
        return PROD.equals(id) ? PROD : NON_PROD;
    }

    /**
     * What still uses an environment, in the order of api-contract §10's reference types; types without
     * references are left out. Any reference locks the type and blocks deletion.
     */
    public static List<Map<String, Object>> references(String environmentId, DeliveryConfigurationState state,
                                                       DeploymentReferences deployments) {
        List<Map<String, Object>> found = new ArrayList<>();
        if (deployments != null && deployments.count() > 0) {
            found.add(reference("deployments", deployments.count(), deployments.examples(),
                    "Historical deployment records still reference this environment."));
        }
        List<String> routed = state.routes().stream().filter(r -> r.environmentId().equals(environmentId))
                .map(ServiceRoute::serviceId).sorted().toList();
        add(found, "service_environment_routing", routed,
                "Service-environment routing still targets this environment.");
        List<String> bound = state.allBindings().stream().filter(b -> b.environmentId().equals(environmentId))
                .map(EnvironmentBinding::deliveryGroupId).sorted().toList();
        add(found, "delivery_group_environment_policy", bound,
                "Delivery-group environment policy still attaches this environment.");
        List<String> listed = state.groups().stream().filter(g -> g.allowedEnvironments() != null
                && g.allowedEnvironments().contains(environmentId)).map(g -> g.id()).sorted().toList();
        add(found, "delivery_group_allowed_environments", listed,
                "Delivery-group policy still lists this environment as an allowed target.");
        return found;
    }

    private static void add(List<Map<String, Object>> found, String type, List<String> ids, String message) {
        if (!ids.isEmpty()) {
            found.add(reference(type, ids.size(), ids, message));
        }
    }

    private static Map<String, Object> reference(String type, long count, List<String> examples, String message) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("reference_type", type);
        row.put("count", count);
        row.put("examples", examples.subList(0, Math.min(MAX_EXAMPLES, examples.size())));
        row.put("message", message);
        return row;
    }

    private static boolean notPositive(Integer value) {
        return value != null && value <= 0;
    }

    private static String normalized(String lifecycle) {
        return lifecycle.trim().toLowerCase(Locale.ROOT);
    }

    private static Violation invalidType() {
        return new Violation(ErrorCode.INVALID_ENVIRONMENT_TYPE, "type", "type must be one of: non_prod, prod");
    }
}
