package dev.dxcp.command.governance;

import dev.dxcp.command.common.AggregateStreamView;
import dev.dxcp.events.governance.GovernanceMessages;
import org.axonframework.eventsourcing.eventstore.EventStore;

/**
 * Change governance held in memory (decision 150's view): a change made on this instance applies before its
 * answer; one made on another instance applies here within DXCP_SETTINGS_FOLLOW ({@code FollowedStreams}).
 */
public class ChangeGovernanceView {
    private final AggregateStreamView<GovernanceState> stream;

    public ChangeGovernanceView(EventStore eventStore) {
        this.stream = new AggregateStreamView<>(eventStore, GovernanceMessages.GOVERNANCE_ID, GovernanceState.EMPTY,
                GovernanceState::apply);
    }

    public GovernanceState current() {
        return stream.current();
    }

    /** Folds what other instances appended since the last catch-up. */
    public void catchUp() {
        stream.catchUp();
    }
}
