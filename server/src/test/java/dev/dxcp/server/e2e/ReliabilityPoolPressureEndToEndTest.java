package dev.dxcp.server.e2e;

import dev.dxcp.events.settings.SettingsMessages;
import dev.dxcp.testsupport.http.TestHttp.Response;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Bursts of writes on one aggregate with a connection pool far smaller than the burst, across several
 * snapshot points of that aggregate. Once, the requests waiting for the aggregate's lock held every
 * pooled connection while the lock holder needed one to store the snapshot: for the pool timeout nobody
 * moved, and the queued requests answered 503 SERVICE_UNAVAILABLE with the database perfectly healthy.
 * Runs a server of its own with a pool of four, on a database of its own.
 */
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class ReliabilityPoolPressureEndToEndTest extends EndToEndTest {
    private static final String DATABASE = env.postgres.createDatabase("pool_pressure");
    private static final int BURST = 40;
    private static final int ROUNDS = 6;

    @DynamicPropertySource
    static void smallPool(DynamicPropertyRegistry registry) {
        registry.add("spring.datasource.url", () -> DATABASE);
        registry.add("DXCP_DB_POOL_SIZE", () -> "4");
    }

    /** The shared baseline (generous rate limits, the e2e publisher) is applied once per JVM, not per server. */
    @BeforeEach
    void baselineOnThisServer() {
        restoreBaseline();
    }

    @Test
    void burstsOnOneAggregateAcrossSnapshotsAllSucceed() throws Exception {
        String admin = freshAdmin();
        Map<String, Object> body = Map.of("publishers", List.of(
                Map.of("name", "e2e-ci", "provider", "custom", "subject_prefixes", List.of(CI_PREFIX))));
        List<Response> refused = new ArrayList<>();

        for (int round = 0; round < ROUNDS; round++) {
            List<Response> answers = Parallel.run(BURST, i -> put("/v1/admin/system/ci-publishers", admin, body,
                    "Idempotency-Key", UUID.randomUUID().toString()));
            answers.stream().filter(r -> r.status() != 200).forEach(refused::add);
        }

        assertThat(refused).as("answers other than 200").extracting(Response::body).isEmpty();
        assertThat(jdbc.queryForObject("SELECT count(*) FROM domainevententry WHERE aggregateidentifier = ?",
                Long.class, SettingsMessages.SETTINGS_ID)).isGreaterThanOrEqualTo((long) BURST * ROUNDS);
        assertThat(snapshotSequence()).as("the bursts crossed snapshot points").isGreaterThanOrEqualTo(100);
    }

    /** Snapshots are stored in the background; wait for the latest one to land. */
    private long snapshotSequence() throws InterruptedException {
        long deadline = System.nanoTime() + 10_000_000_000L;
        Long sequence = null;
        while (System.nanoTime() < deadline) {
            sequence = jdbc.queryForObject("SELECT max(sequencenumber) FROM snapshotevententry"
                    + " WHERE aggregateidentifier = ?", Long.class, SettingsMessages.SETTINGS_ID);
            if (sequence != null && sequence >= 200) {
                return sequence;
            }
            Thread.sleep(100);
        }
        return sequence == null ? -1 : sequence;
    }
}
