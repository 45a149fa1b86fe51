package dev.dxcp.command.settings;

import dev.dxcp.events.settings.EffectiveSettings;
import dev.dxcp.events.settings.SettingsMessages.CurrentSettings;
import org.axonframework.queryhandling.QueryHandler;

/** The settings in force, as every instance reads them: folded from the event store on each question. */
public class SettingsQueryHandler {
    private final SystemSettingsView settings;

    public SettingsQueryHandler(SystemSettingsView settings) {
        this.settings = settings;
    }

    @QueryHandler
    public EffectiveSettings handle(CurrentSettings query) {
        return settings.current();
    }
}
