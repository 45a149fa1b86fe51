package dev.dxcp.command.governance;

import dev.dxcp.events.common.ErrorCode;
import dev.dxcp.events.common.Rejection;
import dev.dxcp.events.configuration.DeliveryGroup;
import dev.dxcp.events.deployment.ActorIdentity;

import java.util.Locale;
import java.util.Optional;

/**
 * Owner-scoped changes (docs/GOVERNANCE.md): while the setting is on, a DELIVERY_OWNER may deploy, promote,
 * roll back and validate only services of groups whose owner list holds the caller's email (the list
 * governance §4 reads). Platform admins are never scoped. Checked as soon as the service's group is known.
 */
public class OwnerScope {
    static final String OWNER_ROLE = "DELIVERY_OWNER";

    private final ChangeGovernanceView governance;

    public OwnerScope(ChangeGovernanceView governance) {
        this.governance = governance;
    }

    /** @param group the service's delivery group; absent groups are refused by the policy step that follows */
    public void check(Optional<DeliveryGroup> group, ActorIdentity actor) {
        if (group.isEmpty() || actor == null || !OWNER_ROLE.equals(actor.role())
                || !governance.current().ownerScoped()) {
            return;
        }
        String email = actor.email() == null ? null : actor.email().trim().toLowerCase(Locale.ROOT);
        if (email == null || email.isEmpty() || !group.get().ownerEmails().contains(email)) {
            throw new Rejection(ErrorCode.DELIVERY_GROUP_SCOPE_REQUIRED,
                    "Only owners of delivery group " + group.get().id() + " may change its services",
                    "Owner-scoped changes are on; the caller's email is not in the group's owner list", null);
        }
    }
}
