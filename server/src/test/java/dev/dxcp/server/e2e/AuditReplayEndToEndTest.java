package dev.dxcp.server.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import dev.dxcp.testsupport.http.TestHttp.Response;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** GET /v1/audit/replay: the event store itself as NDJSON, filtered, resumable. */
class AuditReplayEndToEndTest extends AuditTestSupport {

    @Test
    void aSliceStreamsEveryStoredEventOldestFirstAsNdjson() {
        long start = headPosition();
        Admin admin = namedAdmin();
        Lane lane = laneOfItsOwn();
        String service = lane.service();
        String version = registered(service);
        String key = UUID.randomUUID().toString();
        String requestId = "audit-replay-" + UUID.randomUUID();
        Response accepted = post("/v1/deployments", admin.token(), intent(lane, version), "Idempotency-Key", key,
                "X-Request-Id", requestId);
        assertThat(accepted.status()).as(accepted.body()).isEqualTo(201);
        String deploymentId = accepted.json().path("id").asText();
        awaitTerminal(deploymentId);
        long end = settledHead();

        Response response = replayResponse("after=" + start + "&until=" + end);
        assertThat(response.header("Content-Type").orElse("")).startsWith("application/x-ndjson");
        List<JsonNode> lines = replay("after=" + start + "&until=" + end);
        List<Long> positions = positions(events(lines));
        assertThat(positions).isSorted().doesNotHaveDuplicates().allMatch(p -> p > start && p <= end);
        assertThat((long) positions.size()).isEqualTo(storedBetween(start, end));
        assertThat(trailer(lines).path("next_after").asLong()).isEqualTo(end);
        assertThat(trailer(lines).path("limit_reached").asBoolean()).isFalse();

        JsonNode acceptance = events(lines).stream()
                .filter(line -> line.path("event_type").asText().equals("DeploymentAccepted")
                        && line.path("aggregate_id").asText().equals(deploymentId))
                .findFirst().orElseThrow();
        assertThat(acceptance.path("actor_id").asText()).isEqualTo(admin.sub());
        assertThat(acceptance.path("actor_role").asText()).isEqualTo("PLATFORM_ADMIN");
        assertThat(acceptance.path("request_id").asText()).isEqualTo(requestId);
        assertThat(acceptance.path("idempotency_key").asText()).isEqualTo(key);
        assertThat(acceptance.path("event_id").asText()).isNotBlank();
        assertThat(acceptance.path("timestamp").asText()).endsWith("Z");
        assertThat(acceptance.path("payload").path("service").asText()).isEqualTo(service);
        assertThat(acceptance.path("payload").path("version").asText()).isEqualTo(version);
        String storedId = jdbc.queryForObject("SELECT eventidentifier FROM domainevententry WHERE globalindex = ?",
                String.class, acceptance.path("position").asLong());
        assertThat(acceptance.path("event_id").asText()).isEqualTo(storedId);
        // Builds and engine progress are not audit entries, but they are history: the replay has them.
        assertThat(types(events(lines))).contains("BuildRegistered", "DeploymentAccepted", "EngineExecutionStarted",
                "DeploymentSucceeded", "DeliveryGroupCreated");
    }

    @Test
    void filtersSelectByServiceGroupEnvironmentActorTypeAndTime() {
        long start = headPosition();
        Admin admin = namedAdmin();
        Lane lane = laneOfItsOwn();
        String service = lane.service();
        String group = lane.group();
        String deploymentId = deployedSuccessfully(admin.token(), lane, registered(service));
        assertThat(register(ci("replay-other"), UUID.randomUUID().toString(), buildBody("e2e-svc-6",
                uniqueVersion())).status()).isEqualTo(201);
        long end = settledHead();
        String slice = "after=" + start + "&until=" + end;

        List<JsonNode> byService = events(replay(slice + "&service=" + service));
        assertThat(types(byService)).contains("BuildRegistered", "DeploymentAccepted", "EngineExecutionStarted",
                "DeploymentSucceeded", "DeliveryGroupCreated");
        assertThat(byService).allSatisfy(line -> assertThat(line.toString()).satisfiesAnyOf(
                text -> assertThat(text).contains(service),
                text -> assertThat(text).contains(deploymentId)));
        assertThat(byService.stream().filter(line -> line.path("event_type").asText().equals("BuildRegistered")))
                .hasSize(1).allSatisfy(line ->
                        assertThat(line.path("payload").path("build").path("service").asText()).isEqualTo(service));

        List<JsonNode> byGroup = events(replay(slice + "&delivery_group_id=" + group));
        assertThat(types(byGroup)).contains("DeliveryGroupCreated", "DeploymentAccepted", "DeploymentSucceeded",
                "DeploymentAdmitted").doesNotContain("BuildRegistered");

        List<JsonNode> byEnvironment = events(replay(slice + "&environment=" + lane.environment()));
        assertThat(types(byEnvironment)).contains("EnvironmentCreated", "EnvironmentBindingSet", "DeploymentAccepted",
                "DeploymentSucceeded").doesNotContain("BuildRegistered", "DeliveryGroupCreated");

        List<JsonNode> byActor = events(replay(slice + "&actor=" + admin.sub()));
        assertThat(byActor).isNotEmpty().allSatisfy(line ->
                assertThat(line.path("actor_id").asText()).isEqualTo(admin.sub()));
        assertThat(types(byActor)).contains("DeploymentAccepted");

        List<JsonNode> byType = events(replay(slice + "&event_type=DeploymentSucceeded,BuildRegistered"));
        assertThat(types(byType)).containsOnly("DeploymentSucceeded", "BuildRegistered");
        assertThat(byType).hasSize(3);

        List<JsonNode> all = events(replay(slice));
        String middle = all.get(all.size() / 2).path("timestamp").asText();
        List<JsonNode> exact = events(replay(slice + "&from=" + middle + "&to=" + middle));
        assertThat(exact).isNotEmpty().allSatisfy(line ->
                assertThat(line.path("timestamp").asText()).isEqualTo(middle));
        assertThat(positions(exact)).contains(all.get(all.size() / 2).path("position").asLong());
        List<JsonNode> later = events(replay(slice + "&from=" + middle));
        assertThat(later).allSatisfy(line -> assertThat(line.path("timestamp").asText()).isGreaterThanOrEqualTo(middle));
        assertThat(later.size()).isLessThan(all.size());
    }

    @Test
    void aLimitedReadResumesFromItsCursorWithoutGapsOrRepeats() {
        long start = headPosition();
        for (int i = 0; i < 4; i++) {
            assertThat(register(ci("replay-cursor"), UUID.randomUUID().toString(), buildBody("e2e-svc-7",
                    uniqueVersion())).status()).isEqualTo(201);
        }
        long end = settledHead();
        List<Long> whole = positions(events(replay("after=" + start + "&until=" + end)));
        assertThat(whole.size()).isGreaterThan(9);

        List<Long> resumed = new ArrayList<>();
        long cursor = start;
        int reads = 0;
        while (true) {
            List<JsonNode> page = replay("after=" + cursor + "&until=" + end + "&limit=4");
            resumed.addAll(positions(events(page)));
            reads++;
            JsonNode trailer = trailer(page);
            if (!trailer.path("limit_reached").asBoolean()) {
                assertThat(events(page).size()).isLessThanOrEqualTo(4);
                break;
            }
            assertThat(events(page)).hasSize(4);
            assertThat(trailer.path("next_after").asLong()).isEqualTo(positions(events(page)).get(3));
            cursor = trailer.path("next_after").asLong();
            assertThat(reads).as("the cursor must advance").isLessThan(100);
        }
        assertThat(resumed).doesNotHaveDuplicates().isEqualTo(whole);
        assertThat(reads).isGreaterThan(2);
    }

    @Test
    void badValuesAreRefusedBeforeAnythingStreams() {
        for (String query : List.of("after=-1", "after=abc", "until=x", "limit=0", "limit=-3", "from=yesterday",
                "to=2026-02-30T00:00:00Z", "event_type=Deployment%25", "event_type=a.b")) {
            Response refused = replayResponse(query);
            assertError(refused, 400, "INVALID_REQUEST");
            assertThat(refused.header("Content-Type").orElse("")).startsWith("application/json");
        }
    }

    /**
     * The newest position once the work in flight has committed: positions are taken before commit, so a
     * slice read while a transaction is open could later gain an event below its end.
     */
    private long settledHead() {
        sleep(300);
        return headPosition();
    }

    private long storedBetween(long after, long until) {
        Long count = jdbc.queryForObject("SELECT COUNT(*) FROM domainevententry WHERE globalindex > ? "
                + "AND globalindex <= ?", Long.class, after, until);
        return count == null ? 0 : count;
    }

    private static List<Long> positions(List<JsonNode> lines) {
        return lines.stream().map(line -> line.path("position").asLong()).toList();
    }

    private static List<String> types(List<JsonNode> lines) {
        return lines.stream().map(line -> line.path("event_type").asText()).toList();
    }
}
