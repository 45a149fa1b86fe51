package dev.dxcp.events.deployment;

/**
 * The policy object of api-contract §5, as evaluated before a submission consumed quota
 * (governance §10). All integers.
 */
public record PolicySnapshot(int maxConcurrentDeployments, int currentConcurrentDeployments, int dailyDeployQuota,
                             int deploymentsUsed, int deploymentsRemaining, int dailyQuotaBuildRegister) {
}
