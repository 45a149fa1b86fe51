package dev.dxcp.command.deployment;

import dev.dxcp.command.admission.QuotaStep;
import dev.dxcp.command.governance.ChangeGovernanceView;
import dev.dxcp.command.governance.FreezeCalendar;
import dev.dxcp.events.common.ErrorCode;
import dev.dxcp.events.common.Rejection;
import dev.dxcp.events.common.Timestamps;
import dev.dxcp.events.deployment.ActorIdentity;
import dev.dxcp.events.deployment.DeploymentKind;
import dev.dxcp.events.governance.FreezeInForce;
import dev.dxcp.events.governance.GovernanceMessages.FreezeOverridden;
import org.axonframework.eventhandling.EventBus;
import org.axonframework.eventhandling.GenericEventMessage;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Freeze windows in the admission of deploys, promotions and rollbacks (docs/GOVERNANCE.md): checked after
 * the Idempotency-Key and the mutate rate (a retry of a request accepted before the freeze still replays)
 * and before the lane, so a frozen request spends no quota unit. A rollback goes through unless the window
 * says otherwise. A platform admin's override with a reason lets one request through; it is recorded as
 * FreezeOverridden in the unit of work that accepts the request, and only if it does.
 */
public class FreezeGate {
    static final String ADMIN_ROLE = "PLATFORM_ADMIN";
    public static final String OVERRIDE_HEADER = "X-Freeze-Override-Reason";

    private final ChangeGovernanceView governance;
    private final EventBus eventBus;

    public FreezeGate(ChangeGovernanceView governance, EventBus eventBus) {
        this.governance = governance;
        this.eventBus = eventBus;
    }

    /** A change as the freeze sees it. */
    public record Change(DeploymentKind kind, String deploymentId, String service, Resolution target,
                         ActorIdentity actor, String overrideReason, Instant at) {
        boolean overriding() {
            return actor != null && ADMIN_ROLE.equals(actor.role()) && overrideReason != null
                    && !overrideReason.isBlank();
        }
    }

    /** The lane step behind the freeze: a frozen request never reaches the lane. */
    public QuotaStep<LaneAdmission.Pass> around(LaneAdmission lane, Change change) {
        return ticket -> {
            Optional<FreezeInForce> freeze = blocking(change);
            if (freeze.isEmpty()) {
                return lane.pass(ticket);
            }
            if (!change.overriding()) {
                return new LaneAdmission.Pass(Optional.of(frozen(freeze.get())), null);
            }
            return lane.pass(ticket).alsoOnSpend(() -> eventBus.publish(GenericEventMessage.asEventMessage(
                    overridden(change, freeze.get()))));
        };
    }

    /**
     * validate's view of the same rule: refused unless overridden; answers the window a platform admin's
     * override goes through, else empty.
     */
    public Optional<FreezeInForce> check(Change change) {
        Optional<FreezeInForce> freeze = blocking(change);
        if (freeze.isPresent() && !change.overriding()) {
            throw frozen(freeze.get());
        }
        return freeze;
    }

    /** The window in force for a deploy into the target now (policy summary), whoever asks. */
    public Optional<FreezeInForce> inForce(Resolution target, Instant at) {
        return FreezeCalendar.inForce(governance.current().freezeWindows(), target.group().id(),
                target.environment().id(), at, false);
    }

    private Optional<FreezeInForce> blocking(Change change) {
        return FreezeCalendar.inForce(governance.current().freezeWindows(), change.target().group().id(),
                change.target().environment().id(), change.at(), change.kind() == DeploymentKind.ROLLBACK);
    }

    static Rejection frozen(FreezeInForce freeze) {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("freeze_window_id", freeze.window().id());
        details.put("reason", freeze.window().reason());
        details.put("ends_at", Timestamps.format(freeze.endsAt()));
        details.put("rollbacks_allowed", freeze.window().allowRollbacks());
        return new Rejection(ErrorCode.FREEZE_WINDOW_ACTIVE, "Changes are frozen until "
                + Timestamps.format(freeze.endsAt()) + ": " + freeze.window().reason(),
                "Freeze window " + freeze.window().id() + "; a platform admin may let one request through with the "
                        + OVERRIDE_HEADER + " header", details);
    }

    private static FreezeOverridden overridden(Change change, FreezeInForce freeze) {
        return new FreezeOverridden(change.deploymentId(), change.kind().name(), change.service(),
                change.target().environment().id(), change.target().group().id(), freeze.window().id(),
                freeze.window().reason(), freeze.endsAt(), change.overrideReason().trim(), change.at());
    }
}
