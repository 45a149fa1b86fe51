package dev.dxcp.command.settings;

import dev.dxcp.events.settings.CiPublisher;
import dev.dxcp.events.settings.EngineAdapterSettings;
import dev.dxcp.events.settings.RateLimits;
import dev.dxcp.events.settings.UiExposurePolicy;

import java.util.List;
import java.util.Objects;

/** What a setting is before an admin has ever changed it: start-up configuration (source "runtime"). */
public record SettingsDefaults(RateLimits rateLimits, List<CiPublisher> ciPublishers, UiExposurePolicy uiExposure,
                               boolean mutationsDisabled, EngineAdapterSettings engineAdapter) {
    public SettingsDefaults {
        ciPublishers = List.copyOf(ciPublishers);
        Objects.requireNonNull(engineAdapter, "engineAdapter");
    }

    public static SettingsDefaults standard() {
        return new SettingsDefaults(RateLimits.DEFAULTS, List.of(), UiExposurePolicy.DEFAULTS, false,
                EngineAdapterSettings.stub());
    }
}
