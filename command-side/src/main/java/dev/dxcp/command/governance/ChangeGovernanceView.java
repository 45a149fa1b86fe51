package dev.dxcp.command.governance;

import dev.dxcp.command.common.AggregateStreamView;
import dev.dxcp.events.governance.GovernanceMessages;
import org.axonframework.eventsourcing.eventstore.EventStore;

/** Change governance as committed right now: a new freeze window applies at once on every instance. */
public class ChangeGovernanceView {
    private final AggregateStreamView<GovernanceState> stream;

    public ChangeGovernanceView(EventStore eventStore) {
        this.stream = new AggregateStreamView<>(eventStore, GovernanceMessages.GOVERNANCE_ID, GovernanceState.EMPTY,
                GovernanceState::apply);
    }

    public GovernanceState current() {
        return stream.current();
    }
}
