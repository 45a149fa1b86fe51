package dev.dxcp.command.configuration;

import dev.dxcp.command.registry.ServiceRegistry;
import dev.dxcp.events.common.ErrorCode;
import dev.dxcp.events.configuration.DeliveryGroup;
import dev.dxcp.events.configuration.DeliveryGroupSpec;
import dev.dxcp.events.configuration.Guardrails;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Validation of a delivery group body (api-contract §8), in the order the reference checked it:
 * name, services, allowed_environments, allowed_recipes (shapes), then per service "allowlisted" and
 * "not in another group", then recipes exist, then guardrails, then owner. The id, the path id and
 * existence are the aggregate's business because they differ between create and update.
 */
public final class DeliveryGroupRules {
    /** local@domain.tld, one address per comma-separated entry. */
    private static final Pattern EMAIL = Pattern.compile("[^@\\s,]+@[^@\\s,]+\\.[^@\\s,.]+");

    private DeliveryGroupRules() {
    }

    /** Every broken rule, in check order. {@code groupId}: the group being updated, null on create. */
    public static List<Violation> check(DeliveryGroupSpec spec, String groupId, DeliveryConfigurationState state,
                                        ServiceRegistry registry) {
        List<Violation> found = new ArrayList<>();
        if (blank(spec.name())) {
            found.add(new Violation(ErrorCode.MISSING_NAME, "name", "Delivery group name is required"));
        }
        boolean servicesListed = spec.services() != null && !spec.isMalformed(DeliveryGroupSpec.SERVICES);
        if (!servicesListed) {
            found.add(new Violation(ErrorCode.INVALID_SERVICES,
                    "services", "services must be a list of service names"));
        }
        environmentsProblem(spec).ifPresent(found::add);
        boolean recipesListed = spec.allowedRecipes() != null && !spec.isMalformed(DeliveryGroupSpec.ALLOWED_RECIPES);
        if (!recipesListed) {
            found.add(new Violation(ErrorCode.INVALID_RECIPES, "allowed_recipes",
                    "allowed_recipes must be a list of recipe ids"));
        }
        if (servicesListed) {
            for (String service : spec.services().stream().map(s -> s == null ? "" : s.trim()).distinct().toList()) {
                if (registry.find(service).isEmpty()) {
                    found.add(new Violation(ErrorCode.SERVICE_NOT_ALLOWLISTED_IN_REQUEST, "services",
                            "Service " + service + " is not allowlisted"));
                    continue;
                }
                state.groupOf(service).filter(other -> !other.id().equals(groupId)).ifPresent(other -> found.add(
                        new Violation(ErrorCode.SERVICE_ALREADY_ASSIGNED, "services",
                                "Service " + service + " already belongs to delivery group " + other.id())));
            }
        }
        if (recipesListed) {
            for (String recipe : spec.allowedRecipes().stream().map(r -> r == null ? "" : r.trim()).distinct()
                    .toList()) {
                if (state.recipe(recipe).isEmpty()) {
                    found.add(new Violation(ErrorCode.RECIPE_NOT_FOUND_IN_BODY,
                            "allowed_recipes", "Recipe " + recipe + " not found"));
                }
            }
        }
        found.addAll(guardrailProblems(spec));
        if (spec.isMalformed(DeliveryGroupSpec.OWNER) || !ownerEntries(spec.owner()).stream()
                .allMatch(email -> EMAIL.matcher(email).matches())) {
            found.add(new Violation(ErrorCode.INVALID_OWNER, "owner",
                    "Owner must be one or more email addresses (local@domain.tld) separated by commas"));
        }
        return found;
    }

    /** A list of unique, non-blank environment ids (values trimmed); named ones that do not exist get created. */
    private static Optional<Violation> environmentsProblem(DeliveryGroupSpec spec) {
        String message = null;
        if (spec.isMalformed(DeliveryGroupSpec.ALLOWED_ENVIRONMENTS)) {
            message = "allowed_environments must be a list of environment ids";
        } else if (spec.allowedEnvironments() != null) {
            Set<String> seen = new LinkedHashSet<>();
            for (String raw : spec.allowedEnvironments()) {
                String id = raw == null ? "" : raw.trim();
                if (id.isEmpty()) {
                    message = "allowed_environments must not contain blank values";
                } else if (!seen.add(id)) {
                    message = "allowed_environments must not contain duplicates";
                } else if (!EnvironmentRules.validId(id)) {
                    message = "allowed_environments entry " + id + " is not a valid environment id";
                }
                if (message != null) {
                    break;
                }
            }
        }
        return Optional.ofNullable(message)
                .map(text -> new Violation(ErrorCode.INVALID_ENVIRONMENTS, "allowed_environments", text));
    }

    private static List<Violation> guardrailProblems(DeliveryGroupSpec spec) {
        List<Violation> found = new ArrayList<>();
        for (String field : spec.malformed()) {
            if (field.startsWith(DeliveryGroupSpec.GUARDRAILS)) {
                String key = field.contains(".") ? field.substring(field.indexOf('.') + 1) : "guardrails";
                found.add(invalidGuardrail(key));
            }
        }
        Guardrails rails = spec.guardrails();
        if (rails != null) {
            positive(rails.maxConcurrentDeployments(), "max_concurrent_deployments", found);
            positive(rails.dailyDeployQuota(), "daily_deploy_quota", found);
            positive(rails.dailyRollbackQuota(), "daily_rollback_quota", found);
        }
        return found;
    }

    private static void positive(Integer value, String key, List<Violation> found) {
        if (value != null && value <= 0) {
            found.add(invalidGuardrail(key));
        }
    }

    private static Violation invalidGuardrail(String key) {
        return new Violation(ErrorCode.INVALID_GUARDRAIL, key, "Guardrail " + key + " must be a positive integer");
    }

    /** Trimmed, de-duplicated, in the order sent. */
    public static List<String> services(DeliveryGroupSpec spec) {
        return distinctTrimmed(spec.services());
    }

    public static List<String> recipes(DeliveryGroupSpec spec) {
        return distinctTrimmed(spec.allowedRecipes());
    }

    /** Trimmed; null stays null ("no legacy list", or on update "keep the stored one"). */
    public static List<String> environments(DeliveryGroupSpec spec) {
        return spec.allowedEnvironments() == null ? null : distinctTrimmed(spec.allowedEnvironments());
    }

    /** api-contract §8: comma-separated lower-case emails joined by ", ", or null when none. */
    public static String normalizedOwner(String owner) {
        List<String> emails = ownerEntries(owner);
        return emails.isEmpty() ? null : String.join(", ", emails);
    }

    private static List<String> ownerEntries(String owner) {
        if (owner == null) {
            return List.of();
        }
        return distinctTrimmed(Arrays.stream(owner.split(",")).map(s -> s.toLowerCase(Locale.ROOT)).toList());
    }

    /** The group a valid spec describes, with the server-set audit fields. */
    static DeliveryGroup toGroup(String id, DeliveryGroupSpec spec, List<String> allowedEnvironments,
                                 DeliveryGroup previous, String actor, Instant at, String changeReason) {
        return new DeliveryGroup(id, spec.name().trim(), emptyToNull(spec.description()),
                normalizedOwner(spec.owner()), services(spec), allowedEnvironments, recipes(spec), spec.guardrails(),
                previous == null ? at : previous.createdAt(), previous == null ? actor : previous.createdBy(),
                at, actor, ChangeReasons.next(changeReason, previous == null ? null : previous.lastChangeReason()));
    }

    private static List<String> distinctTrimmed(List<String> values) {
        if (values == null) {
            return List.of();
        }
        return values.stream().filter(v -> v != null && !v.isBlank()).map(String::trim).distinct().toList();
    }

    static boolean blank(String value) {
        return value == null || value.isBlank();
    }

    static String emptyToNull(String value) {
        return blank(value) ? null : value.trim();
    }
}
