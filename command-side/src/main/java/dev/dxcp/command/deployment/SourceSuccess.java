package dev.dxcp.command.deployment;

/**
 * Promotion eligibility (api-contract §6): whether a version has a SUCCEEDED record, of any kind, in
 * the source environment. Answered by the deployment history read model.
 */
public interface SourceSuccess {
    boolean succeeded(String service, String environment, String version);
}
