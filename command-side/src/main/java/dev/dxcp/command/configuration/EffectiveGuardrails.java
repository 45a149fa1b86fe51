package dev.dxcp.command.configuration;

/** The limits in force for one (delivery group, environment) lane, every value resolved. */
public record EffectiveGuardrails(int maxConcurrentDeployments, int dailyDeployQuota, int dailyRollbackQuota) {
}
