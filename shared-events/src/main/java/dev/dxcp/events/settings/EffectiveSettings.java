package dev.dxcp.events.settings;

import java.util.List;

/** Settings in force right now, each with whether it came from the persisted store or start-up configuration. */
public record EffectiveSettings(Sourced<RateLimits> rateLimits, Sourced<List<CiPublisher>> ciPublishers,
                                Sourced<UiExposurePolicy> uiExposure, Sourced<Boolean> mutationsDisabled,
                                Sourced<EngineAdapterSettings> engineAdapter) {

    public record Sourced<T>(T value, boolean persisted) {
        /** api-contract §11: "persisted" when read from the settings store, "runtime" for start-up values. */
        public String source() {
            return persisted ? "persisted" : "runtime";
        }
    }
}
