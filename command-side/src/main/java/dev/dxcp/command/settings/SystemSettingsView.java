package dev.dxcp.command.settings;

import dev.dxcp.events.settings.SettingsMessages;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStore;

/**
 * The settings in force, read from the event store on every call (governance §3, §8: an allowlist or
 * kill-switch change applies at once on every server instance). Each call costs one indexed query
 * for events newer than the ones already folded; the fold is the aggregate's own.
 */
public class SystemSettingsView {
    private final EventStore eventStore;
    private final SettingsDefaults defaults;
    private volatile Folded folded = new Folded(SettingsState.EMPTY, -1);

    public SystemSettingsView(EventStore eventStore, SettingsDefaults defaults) {
        this.eventStore = eventStore;
        this.defaults = defaults;
    }

    public EffectiveSettings current() {
        Folded start = folded;
        SettingsState state = start.state();
        long sequence = start.sequence();
        DomainEventStream newer = eventStore.readEvents(SettingsMessages.SETTINGS_ID, sequence + 1);
        while (newer.hasNext()) {
            var event = newer.next();
            state = state.apply(event.getPayload());
            sequence = event.getSequenceNumber();
        }
        if (sequence > start.sequence()) {
            remember(new Folded(state, sequence));
        }
        return state.effective(defaults);
    }

    public SettingsDefaults defaults() {
        return defaults;
    }

    /** Keeps the most advanced fold when two requests catch up concurrently. */
    private synchronized void remember(Folded candidate) {
        if (candidate.sequence() > folded.sequence()) {
            folded = candidate;
        }
    }

    private record Folded(SettingsState state, long sequence) {
    }
}
