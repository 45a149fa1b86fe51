package dev.dxcp.command.configuration;

import dev.dxcp.events.configuration.ConfigurationQueries.VisibleEnvironment;
import dev.dxcp.events.configuration.DeliveryGroup;
import dev.dxcp.events.configuration.Environment;
import dev.dxcp.events.configuration.EnvironmentBinding;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Which environments a caller sees in GET /v1/environments (api-contract §10, governance §4). Admins see
 * every environment as it is. Everyone else sees, for each group whose owner list holds their email, the
 * environments the group may use (domain §14) without retired ones; an environment reached through several
 * groups is shown once (the enabled copy wins, then the lowest order), sorted by promotion order then name.
 */
final class EnvironmentVisibility {
    private static final Comparator<VisibleEnvironment> BY_PREFERENCE =
            Comparator.comparing((VisibleEnvironment row) -> !row.enabled())
                    .thenComparing(VisibleEnvironment::promotionOrder, Comparator.nullsLast(Comparator.naturalOrder()));
    private static final Comparator<VisibleEnvironment> BY_ORDER_THEN_NAME = Comparator
            .comparing(VisibleEnvironment::promotionOrder, Comparator.nullsLast(Comparator.naturalOrder()))
            .thenComparing(row -> row.environment().id());

    private EnvironmentVisibility() {
    }

    static List<VisibleEnvironment> forAdmin(DeliveryConfigurationState state) {
        return state.environmentsSortedByName().stream().map(EnvironmentVisibility::unscoped).toList();
    }

    static VisibleEnvironment unscoped(Environment environment) {
        return new VisibleEnvironment(environment, null, null, environment.active());
    }

    static List<VisibleEnvironment> forOwner(DeliveryConfigurationState state, String email) {
        if (email == null || email.isBlank()) {
            return List.of();
        }
        Map<String, VisibleEnvironment> chosen = new LinkedHashMap<>();
        for (DeliveryGroup group : state.groups()) {
            if (!group.ownerEmails().contains(email)) {
                continue;
            }
            for (Environment environment : state.environments()) {
                EnvironmentAccess access = state.access(group.id(), environment.id());
                if (access == EnvironmentAccess.NOT_ALLOWED || access == EnvironmentAccess.RETIRED) {
                    continue;
                }
                VisibleEnvironment row = new VisibleEnvironment(environment, group.id(),
                        order(state, group, environment.id()), access == EnvironmentAccess.USABLE);
                chosen.merge(environment.id(), row, (kept, candidate) ->
                        BY_PREFERENCE.compare(candidate, kept) < 0 ? candidate : kept);
            }
        }
        return chosen.values().stream().sorted(BY_ORDER_THEN_NAME).toList();
    }

    static Optional<VisibleEnvironment> visibleTo(DeliveryConfigurationState state, String email,
                                                  String environmentId) {
        return forOwner(state, email).stream().filter(row -> row.environment().id().equals(environmentId))
                .findFirst();
    }

    /** The binding's order, else the 1-based place in the group's legacy list, else none. */
    private static Integer order(DeliveryConfigurationState state, DeliveryGroup group, String environmentId) {
        Optional<EnvironmentBinding> binding = state.binding(group.id(), environmentId);
        if (binding.isPresent()) {
            return binding.get().orderIndex();
        }
        List<String> listed = group.allowedEnvironments();
        int index = listed == null ? -1 : listed.indexOf(environmentId);
        return index >= 0 ? index + 1 : null;
    }
}
