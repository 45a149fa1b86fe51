package dev.dxcp.server.http.deployment;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dxcp.events.deployment.PolicySnapshot;

/** The policy object of api-contract §5: six integers. */
final class PolicyJson {
    private PolicyJson() {
    }

    static ObjectNode of(ObjectMapper json, PolicySnapshot p) {
        ObjectNode node = json.createObjectNode();
        node.put("max_concurrent_deployments", p.maxConcurrentDeployments());
        node.put("current_concurrent_deployments", p.currentConcurrentDeployments());
        node.put("daily_deploy_quota", p.dailyDeployQuota());
        node.put("deployments_used", p.deploymentsUsed());
        node.put("deployments_remaining", p.deploymentsRemaining());
        node.put("daily_quota_build_register", p.dailyQuotaBuildRegister());
        return node;
    }
}
