package dev.dxcp.events.settings;

/** Which optional fields reads may show (api-contract §3, §7): artifact refs and external links. */
public record UiExposurePolicy(boolean artifactRefDisplay, boolean externalLinksDisplay) {
    public static final UiExposurePolicy DEFAULTS = new UiExposurePolicy(false, false);
}
