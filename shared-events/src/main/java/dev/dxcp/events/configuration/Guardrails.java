package dev.dxcp.events.configuration;

/**
 * Policy limits of a delivery group (or an environment override); a null field means "not set, use
 * the next level": environment override, then group, then system default (governance §7).
 */
public record Guardrails(Integer maxConcurrentDeployments, Integer dailyDeployQuota, Integer dailyRollbackQuota) {
    public static final int DEFAULT_MAX_CONCURRENT = 1;
    public static final int DEFAULT_DAILY_DEPLOY_QUOTA = 25;
    public static final int DEFAULT_DAILY_ROLLBACK_QUOTA = 10;

    public static final Guardrails NONE = new Guardrails(null, null, null);
}
