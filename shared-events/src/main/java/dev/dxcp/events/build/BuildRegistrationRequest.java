package dev.dxcp.events.build;

/**
 * The registration body as received, after the schema check (required fields present, strings):
 * values are kept raw so the later steps of governance §5 can reject them in the contract's order.
 */
public record BuildRegistrationRequest(String service, String version, String artifactRef, String gitSha,
                                       String gitBranch, String ciProvider, String ciRunId, String builtAt,
                                       String checksumSha256, String repo, String actor, String commitUrl,
                                       String runUrl) {
}
