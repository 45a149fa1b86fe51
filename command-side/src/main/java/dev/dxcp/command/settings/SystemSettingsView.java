package dev.dxcp.command.settings;

import dev.dxcp.command.common.AggregateStreamView;
import dev.dxcp.events.settings.EffectiveSettings;
import dev.dxcp.events.settings.SettingsMessages;
import org.axonframework.eventsourcing.eventstore.EventStore;

/**
 * The settings in force, held in memory and kept current from the event stream (governance §3, §8: an
 * allowlist or kill-switch change applies on this instance before its write answers, and on every other
 * instance within the follow period; decision 150).
 */
public class SystemSettingsView {
    private final AggregateStreamView<SettingsState> stream;
    private final SettingsDefaults defaults;

    public SystemSettingsView(EventStore eventStore, SettingsDefaults defaults) {
        this.stream = new AggregateStreamView<>(eventStore, SettingsMessages.SETTINGS_ID, SettingsState.EMPTY,
                SettingsState::apply);
        this.defaults = defaults;
    }

    public EffectiveSettings current() {
        return stream.current().effective(defaults);
    }

    /** Folds what was appended since the last catch-up (other instances' changes). */
    public void catchUp() {
        stream.catchUp();
    }

    public SettingsDefaults defaults() {
        return defaults;
    }
}
