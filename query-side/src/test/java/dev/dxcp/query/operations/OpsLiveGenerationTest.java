package dev.dxcp.query.operations;

import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventhandling.GenericTrackedEventMessage;
import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.jdbc.datasource.init.ResourceDatabasePopulator;

import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** Where the live projection writes after a switch, and after its processor is reset to the first event. */
class OpsLiveGenerationTest {
    private final JdbcTemplate jdbc = database();
    private final LiveGeneration builds = new LiveGeneration("builds", jdbc);

    @Test
    void afterASwitchTheLiveSideSkipsWhatTheHandoverCoversAndWritesTheRestIntoTheNewGeneration() {
        switchedTo(2, 10);
        assertThat(builds.forEvent(at(5))).isNull();
        assertThat(builds.forEvent(at(11))).isEqualTo(new Generation(2));
    }

    @Test
    void aResetForgetsTheHandoverSoTheReplayAppliesEveryEventToTheActiveGeneration() {
        switchedTo(2, 10);
        assertThat(builds.startingOver()).isEqualTo(new Generation(2));
        assertThat(builds.forEvent(at(5))).isEqualTo(new Generation(2));
        assertThat(jdbc.queryForObject("SELECT handover_index FROM rm_generation WHERE projection = 'deployments'",
                Long.class)).as("other projections keep theirs").isEqualTo(10);
    }

    private void switchedTo(int generation, long handoverIndex) {
        jdbc.update("UPDATE rm_generation SET active = ?, handover_index = ?", generation, handoverIndex);
    }

    private static TrackedEventMessage<?> at(long globalIndex) {
        return new GenericTrackedEventMessage<>(new GlobalSequenceTrackingToken(globalIndex),
                GenericEventMessage.asEventMessage("event " + globalIndex));
    }

    private static JdbcTemplate database() {
        DriverManagerDataSource dataSource = new DriverManagerDataSource("jdbc:h2:mem:live-generation-"
                + UUID.randomUUID() + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DB_CLOSE_DELAY=-1", "sa", "");
        new ResourceDatabasePopulator(new ClassPathResource("db/migration/V101__build_registry_read_model.sql"),
                new ClassPathResource("db/migration/V102__deployment_read_models.sql"),
                new ClassPathResource("db/migration/V103__projection_generations.sql")).execute(dataSource);
        return new JdbcTemplate(dataSource);
    }
}
