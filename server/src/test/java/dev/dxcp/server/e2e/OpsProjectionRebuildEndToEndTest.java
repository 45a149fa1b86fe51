package dev.dxcp.server.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import dev.dxcp.testsupport.http.TestHttp.Response;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Projection operations on PostgreSQL: the list shows every processor with sane numbers; a rebuild
 * restores read models whose rows were deleted by hand; and a rebuild of intact read models never
 * interrupts readers, who keep getting the same complete answers throughout.
 */
class OpsProjectionRebuildEndToEndTest extends DeploymentTestSupport {

    @Test
    void theListShowsEveryReadModelAndEveryProcessWithPositionHeadAndLag() {
        String service = serviceInOwnGroup(null, null);
        deployedSuccessfully(admin(), service, registered(service));
        JsonNode list = awaitAllLive();
        long head = list.path("eventStoreHead").asLong();
        assertThat(head).isPositive();
        // Read models are what can be rebuilt; the automatic rollback trigger and the notification outbox
        // are processes like the saga, whatever their processors are called.
        assertThat(texts(list.path("projections"), "name")).containsExactlyInAnyOrder("builds", "deployments", "audit");
        assertThat(texts(list.path("sagas"), "name")).containsExactlyInAnyOrder("DeploymentExecutionSagaProcessor",
                "automatic-rollbacks", "notifications");
        for (JsonNode projection : list.path("projections")) {
            assertThat(projection.path("position").asLong()).isBetween(0L, projection.path("head").asLong());
            assertThat(projection.path("head").asLong()).isGreaterThanOrEqualTo(head);
            assertThat(projection.path("lag").asLong())
                    .isEqualTo(projection.path("head").asLong() - projection.path("position").asLong());
            assertThat(projection.path("failure").isNull()).isTrue();
            assertThat(projection.path("kind").asText()).isEqualTo("projection");
            assertThat(projection.path("rebuildable").asBoolean()).isTrue();
        }
        for (JsonNode process : list.path("sagas")) {
            assertThat(process.path("kind").asText()).isEqualTo("saga");
            assertThat(process.path("rebuildable").asBoolean()).isFalse();
        }
        JsonNode builds = find(list.path("projections"), "builds");
        assertThat(builds.path("rebuildable").asBoolean()).isTrue();
        assertThat(builds.path("activeGeneration").asInt()).isIn(1, 2);
        assertThat(find(list.path("sagas"), "DeploymentExecutionSagaProcessor").path("rebuildable").asBoolean())
                .isFalse();
    }

    @Test
    void onlyPlatformAdminsSeeOrRebuildProjections() {
        String observer = env.identity.observerToken();
        assertError(get("/v1/admin/projections", observer), 403, "ROLE_FORBIDDEN");
        assertError(post("/v1/admin/projections/builds/rebuild", observer, null), 403, "ROLE_FORBIDDEN");
        assertError(post("/v1/admin/projections/DeploymentExecutionSagaProcessor/rebuild", admin(), null), 404,
                "NOT_FOUND");
    }

    @Test
    void oneRebuildCallRestoresReadModelsWhoseRowsWereDeletedByHand() {
        String service = serviceInOwnGroup(null, Map.of("daily_deploy_quota", 50));
        String v1 = registered(service);
        String v2 = registered(service);
        String first = deployedSuccessfully(admin(), service, v1);
        deployedSuccessfully(admin(), service, v2);
        Response rollback = rollback(admin(), deploymentIdOf(service, v2));
        assertThat(rollback.status()).as(rollback.body()).isEqualTo(201);
        awaitTerminal(rollback.json().path("id").asText());
        awaitAllLive();
        Map<String, String> before = answers(service, List.of(v1, v2), first);

        int events = eventsOfType("ProjectionRebuildRequested");
        jdbc.update("DELETE FROM rm_build");
        jdbc.update("DELETE FROM rm_running");
        jdbc.update("DELETE FROM rm_deployment");
        assertThat(get("/v1/deployments/" + first, admin()).status()).isEqualTo(404);

        Response started = post("/v1/admin/projections/rebuild", freshAdmin(), null, "X-Request-Id", "ops-rebuild-1");
        assertThat(started.status()).as(started.body()).isEqualTo(202);
        assertThat(texts(started.json().path("rebuilds"), "projection")).contains("builds", "deployments");
        awaitRebuildsCompleted();
        // Audited: who asked, in which role, under which request.
        String audit = jdbc.queryForObject("SELECT convert_from(metadata, 'UTF8') FROM domainevententry "
                + "WHERE payloadtype LIKE '%ProjectionRebuildCompleted' ORDER BY globalindex DESC LIMIT 1", String.class);
        assertThat(audit).contains("\"actor_role\":\"PLATFORM_ADMIN\"").contains("\"request_id\":\"ops-rebuild-1\"");

        assertThat(answers(service, List.of(v1, v2), first)).isEqualTo(before);
        assertThat(eventsOfType("ProjectionRebuildRequested")).isGreaterThanOrEqualTo(events + 2);
        assertThat(eventsOfType("ProjectionRebuildCompleted")).isGreaterThanOrEqualTo(2);
    }

    @Test
    void readersKeepGettingCompleteAnswersAndNoWriteIsLostWhileProjectionsRebuild() throws Exception {
        String service = serviceInOwnGroup(null, null);
        String version = registered(service);
        String id = deployedSuccessfully(admin(), service, version);
        awaitAllLive();
        Map<String, String> before = stableAnswers(service, version, id);

        AtomicBoolean reading = new AtomicBoolean(true);
        AtomicInteger reads = new AtomicInteger();
        List<String> wrong = new ArrayList<>();
        AtomicReference<Throwable> crashed = new AtomicReference<>();
        Thread reader = new Thread(() -> {
            try {
                while (reading.get()) {
                    Map<String, String> now = stableAnswers(service, version, id);
                    reads.incrementAndGet();
                    if (!now.equals(before)) {
                        synchronized (wrong) {
                            wrong.add(now.toString());
                        }
                    }
                }
            } catch (Throwable t) {
                crashed.set(t);
            }
        }, "ops-reader");
        List<String> written = new CopyOnWriteArrayList<>();
        Thread writer = new Thread(() -> {
            try {
                while (reading.get() || written.size() < 5) {
                    written.add(registered(service));
                }
            } catch (Throwable t) {
                crashed.set(t);
            }
        }, "ops-writer");
        reader.start();
        writer.start();
        int generation = find(get("/v1/admin/projections", admin()).json().path("projections"), "deployments")
                .path("activeGeneration").asInt();
        try {
            Response started = post("/v1/admin/projections/rebuild", freshAdmin(), null);
            assertThat(started.status()).as(started.body()).isEqualTo(202);
            awaitRebuildsCompleted();
        } finally {
            reading.set(false);
            reader.join(10_000);
            writer.join(30_000);
        }
        assertThat(crashed.get()).isNull();
        // Builds registered before, during and after the switch are all in the new generation.
        for (String registeredVersion : written) {
            assertThat(get("/v1/builds?service=" + service + "&version=" + registeredVersion, admin()).status())
                    .as(registeredVersion).isEqualTo(200);
        }
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM rm_build WHERE service = ?", Long.class, service))
                .isEqualTo(written.size() + 1L);
        assertThat(reads.get()).isPositive();
        assertThat(wrong).isEmpty();
        assertThat(find(get("/v1/admin/projections", admin()).json().path("projections"), "deployments")
                .path("activeGeneration").asInt()).isEqualTo(3 - generation);
        // Writes after the switch land in the new generation.
        String next = deployedSuccessfully(admin(), service, registered(service));
        assertThat(get("/v1/services/" + service + "/running", admin()).json().path("deploymentId").asText())
                .isEqualTo(next);
    }

    /** The answers concurrent build registrations do not change (they add versions, nothing else). */
    private Map<String, String> stableAnswers(String service, String version, String deploymentId) {
        Map<String, String> answers = answers(service, List.of(version), deploymentId);
        String versions = answers.remove("versions");
        assertThat(versions).contains("\"version\":\"" + version + "\"");
        return answers;
    }

    /** Every read endpoint's answer about this service, keyed by request; admin sees engine fields too. */
    private Map<String, String> answers(String service, List<String> versions, String deploymentId) {
        Map<String, String> answers = new LinkedHashMap<>();
        for (String version : versions) {
            answers.put("build " + version, body(get("/v1/builds?service=" + service + "&version=" + version, admin())));
        }
        answers.put("versions", withoutVolatile(get("/v1/services/" + service + "/versions", admin()).json()));
        answers.put("history", body(get("/v1/deployments?service=" + service, admin())));
        answers.put("record", body(get("/v1/deployments/" + deploymentId, admin())));
        answers.put("timeline", body(get("/v1/deployments/" + deploymentId + "/timeline", admin())));
        answers.put("running", withoutVolatile(get("/v1/services/" + service + "/running", admin()).json()));
        answers.put("status", withoutVolatile(get("/v1/services/" + service + "/delivery-status", admin()).json()));
        return answers;
    }

    private static String body(Response response) {
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        assertThat(response.body()).isNotBlank().isNotEqualTo("[]").isNotEqualTo("null");
        return response.body();
    }

    /** derivedAt and refreshedAt are "now" by contract; everything else must be identical. */
    private static String withoutVolatile(JsonNode node) {
        String text = node.toString();
        assertThat(text).isNotEqualTo("null");
        return text.replaceAll("\"(derivedAt|refreshedAt)\":\"[^\"]*\"", "\"$1\":\"-\"");
    }

    private String deploymentIdOf(String service, String version) {
        for (JsonNode record : get("/v1/deployments?service=" + service, admin()).json()) {
            if (record.path("version").asText().equals(version)) {
                return record.path("id").asText();
            }
        }
        throw new AssertionError("no deployment of " + version);
    }

    private void awaitRebuildsCompleted() {
        long deadline = System.currentTimeMillis() + 120_000;
        JsonNode list = null;
        while (System.currentTimeMillis() < deadline) {
            list = get("/v1/admin/projections", admin()).json();
            boolean done = true;
            for (JsonNode projection : list.path("projections")) {
                JsonNode rebuild = projection.path("rebuild");
                if (rebuild.isObject()) {
                    assertThat(rebuild.path("status").asText()).as(rebuild.toString()).isNotEqualTo("failed");
                    done &= rebuild.path("status").asText().equals("completed");
                }
            }
            if (done) {
                for (JsonNode projection : list.path("projections")) {
                    if (projection.path("rebuild").isObject()) {
                        System.out.println("rebuild " + projection.path("rebuild"));
                    }
                }
                return;
            }
            sleep(100);
        }
        throw new AssertionError("rebuilds did not complete: " + list);
    }

    private JsonNode awaitAllLive() {
        long deadline = System.currentTimeMillis() + 20_000;
        JsonNode list = null;
        while (System.currentTimeMillis() < deadline) {
            list = get("/v1/admin/projections", admin()).json();
            boolean live = true;
            for (JsonNode projection : list.path("projections")) {
                live &= projection.path("state").asText().equals("live") && projection.path("lag").asLong() == 0;
            }
            if (live) {
                return list;
            }
            sleep(50);
        }
        throw new AssertionError("projections did not catch up: " + list);
    }

    static JsonNode find(JsonNode array, String name) {
        for (JsonNode item : array) {
            if (item.path("name").asText().equals(name)) {
                return item;
            }
        }
        throw new AssertionError(name + " not in " + array);
    }
}
