package dev.dxcp.server.identity;

import java.util.List;
import java.util.Optional;

/** DXCP roles and the roles-claim values that grant them (governance §1; first match in the claim wins). */
public enum Role {
    PLATFORM_ADMIN("dxcp-platform-admins"),
    DELIVERY_OWNER("dxcp-delivery-owners"),
    OBSERVER("dxcp-observers"),
    CI_PUBLISHER("dxcp-ci-publishers", "dxcp-ci-publisher");

    private final List<String> claimValues;

    Role(String... claimValues) {
        this.claimValues = List.of(claimValues);
    }

    public List<String> claimValues() {
        return claimValues;
    }

    public static Optional<Role> firstMatch(List<?> claim) {
        for (Object value : claim) {
            for (Role role : values()) {
                if (value instanceof String text && role.claimValues.contains(text)) {
                    return Optional.of(role);
                }
            }
        }
        return Optional.empty();
    }
}
