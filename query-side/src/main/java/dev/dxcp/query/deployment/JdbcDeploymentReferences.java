package dev.dxcp.query.deployment;

import dev.dxcp.events.configuration.DeploymentReferences;
import dev.dxcp.events.deployment.DeploymentQueries.DeploymentsInEnvironment;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.jdbc.core.JdbcTemplate;

import java.util.List;

/**
 * Deployment records naming an environment, read from the deployments read model ({@code rm_deployment}):
 * the count and the five newest ids, for the environment type lock and delete block (api-contract §10).
 */
public class JdbcDeploymentReferences {
    private static final int EXAMPLES = 5;

    private final JdbcTemplate jdbc;

    public JdbcDeploymentReferences(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @QueryHandler
    public DeploymentReferences handle(DeploymentsInEnvironment query) {
        return deploymentsIn(query.environmentId());
    }

    public DeploymentReferences deploymentsIn(String environmentId) {
        Long count = jdbc.queryForObject("SELECT COUNT(*) FROM rm_deployment WHERE environment = ?", Long.class,
                environmentId);
        if (count == null || count == 0) {
            return DeploymentReferences.NONE;
        }
        List<String> examples = jdbc.queryForList("SELECT id FROM rm_deployment WHERE environment = ? "
                + "ORDER BY created_at DESC, id DESC LIMIT " + EXAMPLES, String.class, environmentId);
        return new DeploymentReferences(count, examples);
    }
}
