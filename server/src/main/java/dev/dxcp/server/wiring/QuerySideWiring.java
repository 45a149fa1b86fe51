package dev.dxcp.server.wiring;

import dev.dxcp.query.build.BuildRegistryProjection;
import dev.dxcp.query.build.BuildRegistryQueries;
import dev.dxcp.query.operations.LiveGeneration;
import dev.dxcp.query.insights.GovernanceInsightsQueries;
import dev.dxcp.query.insights.InsightsQueryHandlers;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;

/** Projections and query handlers; Axon finds their @EventHandler/@QueryHandler methods on these beans. */
@Configuration
public class QuerySideWiring {
    @Bean
    public BuildRegistryProjection buildRegistryProjection(JdbcTemplate jdbc) {
        return new BuildRegistryProjection(jdbc, new LiveGeneration(BuildRegistryProjection.NAME, jdbc));
    }

    @Bean
    public InsightsQueryHandlers insightsQueryHandlers(JdbcTemplate jdbc, ObjectMapper json) {
        return new InsightsQueryHandlers(jdbc, json);
    }

    @Bean
    public GovernanceInsightsQueries governanceInsightsQueries(JdbcTemplate jdbc, ObjectMapper json) {
        return new GovernanceInsightsQueries(jdbc, json);
    }

    @Bean
    public BuildRegistryQueries buildRegistryQueries(JdbcTemplate jdbc) {
        return new BuildRegistryQueries(jdbc);
    }
}
