package dev.dxcp.events.configuration;

/**
 * An environment create or patch as an admin submitted it (api-contract §10). Every field may be
 * null: on create only the id and the type are required; on patch null means "leave as it is".
 * {@code lifecycleState} wins over {@code isEnabled} when both are sent.
 */
public record EnvironmentSpec(String id, String displayName, String type, String lifecycleState, Boolean isEnabled,
                              Guardrails guardrails, boolean guardrailsMalformed) {
}
