package dev.dxcp.events.configuration;

import java.util.List;
import java.util.Set;

/**
 * A delivery group as an admin submitted it (api-contract §8), typed by the edge but not yet judged.
 * The rules decide in the contract's order, so a field whose JSON shape was wrong is not refused by the
 * edge: it is named in {@code malformed} ("services", "allowed_recipes", "allowed_environments",
 * "guardrails", "owner") and the rules report it at its place in that order.
 *
 * @param services            null when absent or null in the body
 * @param allowedEnvironments null when absent or null (PUT then keeps the stored list); entries untrimmed
 * @param allowedRecipes      null when absent or null in the body
 * @param owner               as sent (a JSON list of strings is joined with commas); normalized by the rules
 * @param guardrails          null when absent or null; values are as sent (the rules check they are positive)
 */
public record DeliveryGroupSpec(String id, String name, String description, String owner, List<String> services,
                                List<String> allowedEnvironments, List<String> allowedRecipes, Guardrails guardrails,
                                Set<String> malformed) {
    public static final String SERVICES = "services";
    public static final String ALLOWED_RECIPES = "allowed_recipes";
    public static final String ALLOWED_ENVIRONMENTS = "allowed_environments";
    public static final String GUARDRAILS = "guardrails";
    public static final String OWNER = "owner";

    public DeliveryGroupSpec {
        services = services == null ? null : List.copyOf(services);
        allowedEnvironments = allowedEnvironments == null ? null : List.copyOf(allowedEnvironments);
        allowedRecipes = allowedRecipes == null ? null : List.copyOf(allowedRecipes);
        malformed = malformed == null ? Set.of() : Set.copyOf(malformed);
    }

    public boolean isMalformed(String field) {
        return malformed.contains(field);
    }
}
