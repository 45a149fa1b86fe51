package dev.dxcp.command.settings;

import dev.dxcp.events.settings.CiPublisher;
import dev.dxcp.events.settings.EffectiveSettings;
import dev.dxcp.events.settings.EngineAdapterSettings;
import dev.dxcp.events.settings.RateLimits;
import dev.dxcp.events.settings.SettingsMessages.CiPublishersReplaced;
import dev.dxcp.events.settings.SettingsMessages.EngineAdapterChanged;
import dev.dxcp.events.settings.SettingsMessages.MutationsDisabledChanged;
import dev.dxcp.events.settings.SettingsMessages.RateLimitsChanged;
import dev.dxcp.events.settings.SettingsMessages.UiExposurePolicyChanged;
import dev.dxcp.events.settings.UiExposurePolicy;

import java.util.List;

/**
 * The persisted settings, folded from events; null means "never changed, use the start-up value".
 * Both the aggregate and the per-request settings view fold with this one function.
 */
public record SettingsState(RateLimits rateLimits, List<CiPublisher> ciPublishers, UiExposurePolicy uiExposure,
                            Boolean mutationsDisabled, EngineAdapterSettings engineAdapter) {
    public static final SettingsState EMPTY = new SettingsState(null, null, null, null, null);

    public SettingsState apply(Object event) {
        if (event instanceof RateLimitsChanged e) {
            return new SettingsState(e.newValue(), ciPublishers, uiExposure, mutationsDisabled, engineAdapter);
        }
        if (event instanceof CiPublishersReplaced e) {
            return new SettingsState(rateLimits, List.copyOf(e.newValue()), uiExposure, mutationsDisabled,
                    engineAdapter);
        }
        if (event instanceof UiExposurePolicyChanged e) {
            return new SettingsState(rateLimits, ciPublishers, e.newValue(), mutationsDisabled, engineAdapter);
        }
        if (event instanceof MutationsDisabledChanged e) {
            return new SettingsState(rateLimits, ciPublishers, uiExposure, e.newValue(), engineAdapter);
        }
        if (event instanceof EngineAdapterChanged e) {
            return new SettingsState(rateLimits, ciPublishers, uiExposure, mutationsDisabled, e.newValue());
        }
        return this;
    }

    public EffectiveSettings effective(SettingsDefaults defaults) {
        return new EffectiveSettings(
                new EffectiveSettings.Sourced<>(rateLimits != null ? rateLimits : defaults.rateLimits(),
                        rateLimits != null),
                new EffectiveSettings.Sourced<>(ciPublishers != null ? ciPublishers : defaults.ciPublishers(),
                        ciPublishers != null),
                new EffectiveSettings.Sourced<>(uiExposure != null ? uiExposure : defaults.uiExposure(),
                        uiExposure != null),
                new EffectiveSettings.Sourced<>(mutationsDisabled != null ? mutationsDisabled
                        : defaults.mutationsDisabled(), mutationsDisabled != null),
                new EffectiveSettings.Sourced<>(engineAdapter != null ? engineAdapter : defaults.engineAdapter(),
                        engineAdapter != null));
    }
}
