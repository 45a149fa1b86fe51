package dev.dxcp.events.settings;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;
import java.util.List;

/**
 * Runtime system settings (api-contract §11). A single {@code SystemSettings} aggregate holds them,
 * so every change is an event carrying the old and the new value (governance §14 ADMIN_CONFIG_CHANGE).
 */
public final class SettingsMessages {
    public static final String SETTINGS_ID = "system-settings";

    private SettingsMessages() {
    }

    public record ChangeRateLimits(@TargetAggregateIdentifier String settingsId, RateLimits limits, Instant at) {
        public ChangeRateLimits(RateLimits limits, Instant at) {
            this(SETTINGS_ID, limits, at);
        }
    }

    public record SetMutationsDisabled(@TargetAggregateIdentifier String settingsId, boolean disabled, String reason,
                                       Instant at) {
        public SetMutationsDisabled(boolean disabled, String reason, Instant at) {
            this(SETTINGS_ID, disabled, reason, at);
        }
    }

    public record ReplaceCiPublishers(@TargetAggregateIdentifier String settingsId, List<CiPublisher> publishers,
                                      Instant at) {
        public ReplaceCiPublishers(List<CiPublisher> publishers, Instant at) {
            this(SETTINGS_ID, publishers, at);
        }
    }

    public record ChangeUiExposurePolicy(@TargetAggregateIdentifier String settingsId, UiExposurePolicy policy,
                                         Instant at) {
        public ChangeUiExposurePolicy(UiExposurePolicy policy, Instant at) {
            this(SETTINGS_ID, policy, at);
        }
    }

    public record ChangeEngineAdapter(@TargetAggregateIdentifier String settingsId, EngineAdapterProposal proposal,
                                      Instant at) {
        public ChangeEngineAdapter(EngineAdapterProposal proposal, Instant at) {
            this(SETTINGS_ID, proposal, at);
        }
    }

    public record RateLimitsChanged(RateLimits oldValue, RateLimits newValue, Instant changedAt) {
    }

    public record MutationsDisabledChanged(boolean oldValue, boolean newValue, String reason, Instant changedAt) {
    }

    public record CiPublishersReplaced(List<CiPublisher> oldValue, List<CiPublisher> newValue, Instant changedAt) {
    }

    public record UiExposurePolicyChanged(UiExposurePolicy oldValue, UiExposurePolicy newValue, Instant changedAt) {
    }

    /** Whole settings before and after; the audit names each key that differs (governance §14 engine_adapter.*). */
    public record EngineAdapterChanged(EngineAdapterSettings oldValue, EngineAdapterSettings newValue,
                                       Instant changedAt) {
    }

    /** The settings in force, each with its source (answered with {@link EffectiveSettings}). */
    public record CurrentSettings() {
    }
}
