package dev.dxcp.command.settings;

import dev.dxcp.command.common.AggregateStreamView;
import dev.dxcp.events.settings.EffectiveSettings;
import dev.dxcp.events.settings.SettingsMessages;
import org.axonframework.eventsourcing.eventstore.EventStore;

/**
 * The settings in force, read from the event store on every call (governance §3, §8: an allowlist or
 * kill-switch change applies at once on every server instance).
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

    public SettingsDefaults defaults() {
        return defaults;
    }
}
