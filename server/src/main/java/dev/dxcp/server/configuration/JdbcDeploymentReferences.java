package dev.dxcp.server.configuration;

import dev.dxcp.command.configuration.EnvironmentReferences;
import dev.dxcp.events.configuration.DeploymentReferences;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.BadSqlGrammarException;
import org.springframework.jdbc.core.JdbcTemplate;

import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Deployment records naming an environment, read from the deployments read model ({@code rm_deployment}):
 * the count and the five newest ids, for the environment type lock and delete block (api-contract §10).
 */
public class JdbcDeploymentReferences implements EnvironmentReferences {
    private static final Logger log = LoggerFactory.getLogger(JdbcDeploymentReferences.class);
    private static final int EXAMPLES = 5;

    private final JdbcTemplate jdbc;
    private final AtomicBoolean missingTableReported = new AtomicBoolean();

    public JdbcDeploymentReferences(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public DeploymentReferences deploymentsIn(String environmentId) {
        try {
            Long count = jdbc.queryForObject("SELECT COUNT(*) FROM rm_deployment WHERE environment = ?", Long.class,
                    environmentId);
            if (count == null || count == 0) {
                return DeploymentReferences.NONE;
            }
            List<String> examples = jdbc.queryForList("SELECT id FROM rm_deployment WHERE environment = ? "
                    + "ORDER BY created_at DESC, id LIMIT " + EXAMPLES, String.class, environmentId);
            return new DeploymentReferences(count, examples);
        } catch (BadSqlGrammarException noTable) {
            // TEMPORARY: until the deployments read model's migration (V102) creates rm_deployment there are
            // no deployment records to count. Remove this guard once that migration is merged.
            if (missingTableReported.compareAndSet(false, true)) {
                log.warn("event=deployment_references_unavailable reason=\"{}\"", noTable.getMessage());
            }
            return DeploymentReferences.NONE;
        }
    }
}
