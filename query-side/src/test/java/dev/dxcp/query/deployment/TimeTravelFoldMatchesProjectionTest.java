package dev.dxcp.query.deployment;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import dev.dxcp.events.deployment.DeploymentEvents.DeploymentAccepted;
import dev.dxcp.events.deployment.DeploymentQueries.CurrentRunningStateOf;
import dev.dxcp.events.deployment.DeploymentQueries.FindDeployment;
import dev.dxcp.events.deployment.DeploymentQueries.LatestDeploymentOf;
import dev.dxcp.events.deployment.DeploymentQueries.ListDeployments;
import dev.dxcp.events.deployment.DeploymentRecord;
import dev.dxcp.query.operations.Generation;
import dev.dxcp.query.operations.GenerationTarget;
import org.axonframework.eventhandling.AnnotationEventHandlerAdapter;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventhandling.GenericTrackedEventMessage;
import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.jdbc.datasource.init.ResourceDatabasePopulator;

import java.time.Instant;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The property time travel rests on: for any history, and any moment, folding the events DXCP had
 * recorded by then gives field for field what the live read model answers after processing exactly
 * those events. The read model here is the real projection, driven through Axon's annotation adapter,
 * on the embedded database with the real migration; its answers come from the real query handlers.
 */
class TimeTravelFoldMatchesProjectionTest {
    private static final int HISTORIES = 300;
    private static JdbcTemplate jdbc;
    private static AnnotationEventHandlerAdapter projection;
    private static DeploymentHistoryQueries queries;

    @BeforeAll
    static void database() {
        DriverManagerDataSource dataSource = new DriverManagerDataSource("jdbc:h2:mem:time-travel;MODE=PostgreSQL;"
                + "DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1", "sa", "");
        new ResourceDatabasePopulator(new ClassPathResource("db/migration/V101__build_registry_read_model.sql"),
                new ClassPathResource("db/migration/V102__deployment_read_models.sql"),
                new ClassPathResource("db/migration/V103__projection_generations.sql")).execute(dataSource);
        jdbc = new JdbcTemplate(dataSource);
        ObjectMapper json = new ObjectMapper().registerModule(new JavaTimeModule())
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
        projection = new AnnotationEventHandlerAdapter(new DeploymentHistoryProjection(jdbc, json,
                GenerationTarget.fixed(new Generation(Generation.FIRST))));
        queries = new DeploymentHistoryQueries(jdbc, json);
    }

    @Test
    void foldingTheEventsUpToAnyMomentAnswersWhatTheReadModelAnswersForThoseEvents() throws Exception {
        for (int seed = 0; seed < HISTORIES; seed++) {
            Random random = new Random(seed);
            List<Object> all = RandomHistories.generate(random);
            Instant asOf = RandomHistories.someMoment(random, all);
            List<Object> known = RandomHistories.upTo(all, asOf);

            projection.prepareReset(null);
            for (int i = 0; i < known.size(); i++) {
                projection.handle(new GenericTrackedEventMessage<>(new GlobalSequenceTrackingToken(i),
                        GenericEventMessage.asEventMessage(known.get(i))));
            }
            assertSameAnswers("seed " + seed + " as of " + asOf, DeploymentFold.of(known));
        }
    }

    @Test
    void theComparisonNoticesAFieldTheReadModelHasDifferently() throws Exception {
        Random random = new Random(7);
        List<Object> all = RandomHistories.generate(random);
        projection.prepareReset(null);
        for (int i = 0; i < all.size(); i++) {
            projection.handle(new GenericTrackedEventMessage<>(new GlobalSequenceTrackingToken(i),
                    GenericEventMessage.asEventMessage(all.get(i))));
        }
        String id = ((DeploymentAccepted) all.get(0)).deploymentId();
        jdbc.update("UPDATE rm_deployment_g1 SET version = 'tampered' WHERE id = ?", id);
        DeploymentRecord live = queries.handle(new FindDeployment(id)).orElseThrow();
        assertThat(DeploymentFold.of(all).find(id)).isPresent().get().isNotEqualTo(live);
    }

    private static void assertSameAnswers(String context, ScopeHistory fold) {
        List<DeploymentRecord> live = queries.handle(new ListDeployments(null, null, null, 1000)).records();
        assertThat(fold.records()).as(context).containsExactlyElementsOf(live);
        for (DeploymentRecord record : live) {
            assertThat(fold.find(record.id())).as(context).contains(queries.handle(new FindDeployment(record.id()))
                    .orElseThrow());
            assertThat(Timeline.of(fold.find(record.id()).orElseThrow())).as(context)
                    .containsExactlyElementsOf(Timeline.of(record));
        }
        for (String[] scope : RandomHistories.SCOPES) {
            assertThat(fold.running(scope[0], scope[1])).as(context + " running " + scope[0] + "/" + scope[1])
                    .isEqualTo(queries.handle(new CurrentRunningStateOf(scope[0], scope[1])));
            assertThat(fold.latest(scope[0], scope[1])).as(context + " latest " + scope[0] + "/" + scope[1])
                    .isEqualTo(queries.handle(new LatestDeploymentOf(scope[0], scope[1])));
            assertThat(fold.records().stream().filter(r -> r.service().equals(scope[0])
                    && r.environment().equals(scope[1])).toList()).as(context)
                    .containsExactlyElementsOf(queries.handle(new ListDeployments(scope[0], scope[1], null, 1000))
                            .records());
        }
    }
}
