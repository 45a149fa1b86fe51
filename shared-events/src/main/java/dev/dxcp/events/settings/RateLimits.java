package dev.dxcp.events.settings;

/** Per-actor minute limits and the daily build-registration quota (governance §7). */
public record RateLimits(int readRpm, int mutateRpm, int dailyQuotaBuildRegister) {
    public static final RateLimits DEFAULTS = new RateLimits(60, 10, 50);
}
