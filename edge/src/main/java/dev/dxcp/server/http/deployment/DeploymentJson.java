package dev.dxcp.server.http.deployment;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dxcp.events.common.Timestamps;
import dev.dxcp.events.deployment.DeploymentGovernanceQueries.ApprovalStatus;
import dev.dxcp.events.deployment.DeploymentGovernanceQueries.AutomaticRollbackStatus;
import dev.dxcp.events.deployment.DeploymentGovernanceQueries.DeploymentGovernance;
import dev.dxcp.events.deployment.DeploymentRecord;
import dev.dxcp.events.deployment.FailureModel;

import java.util.List;

/**
 * DeploymentRecord on the wire (api-contract §5): camelCase fields plus {@code engine_type}; the two
 * engine execution keys exist only in admin views (absent, not null, for everyone else).
 */
public class DeploymentJson {
    private final ObjectMapper json;

    public DeploymentJson(ObjectMapper json) {
        this.json = json;
    }

    public ObjectNode record(DeploymentRecord r, boolean admin) {
        ObjectNode node = json.createObjectNode();
        node.put("id", r.id());
        node.put("service", r.service());
        node.put("environment", r.environment());
        node.put("version", r.version());
        node.put("sourceEnvironment", r.sourceEnvironment());
        node.put("recipeId", r.recipeId());
        node.put("recipeRevision", r.recipeRevision());
        node.put("effectiveBehaviorSummary", r.effectiveBehaviorSummary());
        node.put("state", r.state().name());
        node.put("deploymentKind", r.deploymentKind().name());
        node.put("outcome", r.outcome());
        node.put("changeSummary", r.changeSummary());
        node.put("createdAt", Timestamps.format(r.createdAt()));
        node.put("updatedAt", Timestamps.format(r.updatedAt()));
        node.put("rollbackOf", r.rollbackOf());
        node.put("deliveryGroupId", r.deliveryGroupId());
        node.put("engine_type", "SPINNAKER");
        node.set("failures", failures(r.failures()));
        if (admin) {
            node.put("engineExecutionId", r.engineExecutionId());
            node.put("engineExecutionUrl", r.engineExecutionUrl());
        }
        return node;
    }

    /**
     * docs/GOVERNANCE.md: {@code approval} and {@code automaticRollback} are added only where they apply, so a
     * record without either keeps exactly the keys it had.
     */
    public ObjectNode withGovernance(ObjectNode node, DeploymentGovernance governance) {
        ApprovalStatus a = governance.approval();
        if (a != null) {
            ObjectNode approval = node.putObject("approval");
            approval.put("state", a.state());
            approval.put("policyId", a.policyId());
            approval.put("requiredApprovals", a.requiredApprovals());
            a.approvers().forEach(approval.putArray("approvers")::add);
            a.approvedBy().forEach(approval.putArray("approvedBy")::add);
            approval.put("expiresAt", Timestamps.format(a.expiresAt()));
            approval.put("decidedAt", a.decidedAt() == null ? null : Timestamps.format(a.decidedAt()));
        }
        AutomaticRollbackStatus r = governance.automaticRollback();
        if (r != null) {
            ObjectNode rollback = node.putObject("automaticRollback");
            rollback.put("status", r.status());
            rollback.put("failedDeploymentId", r.failedDeploymentId());
            rollback.put("rollbackDeploymentId", r.rollbackDeploymentId());
            rollback.put("policyId", r.policyId());
            r.failureCategories().forEach(c -> rollback.withArray("failureCategories").add(c.name()));
            rollback.put("code", r.code());
            rollback.put("message", r.message());
            rollback.put("at", Timestamps.format(r.at()));
        }
        return node;
    }

    public ArrayNode failures(List<FailureModel> failures) {
        ArrayNode array = json.createArrayNode();
        for (FailureModel f : failures) {
            ObjectNode item = array.addObject();
            item.put("category", f.category().name());
            item.put("summary", f.summary());
            item.put("detail", f.detail());
            item.put("actionHint", f.actionHint());
            item.put("observedAt", Timestamps.format(f.observedAt()));
        }
        return array;
    }

    /** delivery-status "latest": the subset the portal reads (api-contract §4). */
    public ObjectNode latest(DeploymentRecord r, boolean admin) {
        ObjectNode node = json.createObjectNode();
        node.put("id", r.id());
        node.put("state", r.state().name());
        node.put("version", r.version());
        node.put("sourceEnvironment", r.sourceEnvironment());
        node.put("recipeId", r.recipeId());
        node.put("createdAt", Timestamps.format(r.createdAt()));
        node.put("updatedAt", Timestamps.format(r.updatedAt()));
        node.put("rollbackOf", r.rollbackOf());
        node.put("deploymentKind", r.deploymentKind().name());
        node.put("outcome", r.outcome());
        if (admin) {
            node.put("engineExecutionId", r.engineExecutionId());
            node.put("engineExecutionUrl", r.engineExecutionUrl());
        }
        return node;
    }
}
