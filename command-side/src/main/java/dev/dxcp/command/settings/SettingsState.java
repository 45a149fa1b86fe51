package dev.dxcp.command.settings;

import dev.dxcp.events.settings.CiPublisher;
import dev.dxcp.events.settings.RateLimits;
import dev.dxcp.events.settings.SettingsMessages.CiPublishersReplaced;
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
                            Boolean mutationsDisabled) {
    public static final SettingsState EMPTY = new SettingsState(null, null, null, null);

    public SettingsState apply(Object event) {
        if (event instanceof RateLimitsChanged e) {
            return new SettingsState(e.newValue(), ciPublishers, uiExposure, mutationsDisabled);
        }
        if (event instanceof CiPublishersReplaced e) {
            return new SettingsState(rateLimits, List.copyOf(e.newValue()), uiExposure, mutationsDisabled);
        }
        if (event instanceof UiExposurePolicyChanged e) {
            return new SettingsState(rateLimits, ciPublishers, e.newValue(), mutationsDisabled);
        }
        if (event instanceof MutationsDisabledChanged e) {
            return new SettingsState(rateLimits, ciPublishers, uiExposure, e.newValue());
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
                        : defaults.mutationsDisabled(), mutationsDisabled != null));
    }
}
