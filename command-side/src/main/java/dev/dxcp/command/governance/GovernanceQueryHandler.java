package dev.dxcp.command.governance;

import dev.dxcp.events.governance.FreezeWindow;
import dev.dxcp.events.governance.GovernanceMessages.CurrentGovernance;
import dev.dxcp.events.governance.GovernanceMessages.FreezeWindowStatus;
import dev.dxcp.events.governance.GovernanceMessages.GovernanceSettings;
import org.axonframework.queryhandling.QueryHandler;

import java.util.List;

/** The edge's question about change governance, answered from the per-request fold. */
public class GovernanceQueryHandler {
    private final ChangeGovernanceView governance;

    public GovernanceQueryHandler(ChangeGovernanceView governance) {
        this.governance = governance;
    }

    @QueryHandler
    public GovernanceSettings handle(CurrentGovernance query) {
        GovernanceState state = governance.current();
        List<FreezeWindowStatus> windows = state.freezeWindows().stream()
                .map(window -> status(window, query)).toList();
        return new GovernanceSettings(state.ownerScoped(), state.ownerScopedChanges() != null, windows,
                state.approvalPolicies(), state.autoRollbackPolicies());
    }

    private static FreezeWindowStatus status(FreezeWindow window, CurrentGovernance query) {
        return new FreezeWindowStatus(window, FreezeCalendar.endOfOccurrenceCovering(window, query.at()).orElse(null));
    }
}
