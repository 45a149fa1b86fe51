package dev.dxcp.server.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import dev.dxcp.testsupport.http.TestHttp.Response;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import static dev.dxcp.server.e2e.OpsProjectionRebuildEndToEndTest.find;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The audit projection under projection operations, on PostgreSQL: listed and rebuildable like the other
 * read models, rebuilt into its other generation while GET /v1/audit/events keeps answering, and rebuilt
 * without touching the tamper-evidence chain, which keeps verifying and keeps naming an edited row.
 */
class OpsAuditRebuildEndToEndTest extends AuditTestSupport {
    private static final String AUDIT = "audit";
    private static final int MAX_DENIALS = 300;

    @Test
    void theListShowsAuditAsARebuildableProjectionWithPositionHeadLagAndGeneration() {
        Lane lane = laneOfItsOwn();
        deployedSuccessfully(admin(), lane, registered(lane.service()));
        JsonNode audit = awaitLive();
        assertThat(audit.path("kind").asText()).isEqualTo("projection");
        assertThat(audit.path("rebuildable").asBoolean()).isTrue();
        assertThat(audit.path("activeGeneration").asInt()).isIn(1, 2);
        assertThat(audit.path("position").asLong()).isPositive().isEqualTo(audit.path("head").asLong());
        assertThat(audit.path("lag").asLong()).isZero();
        assertThat(audit.path("failure").isNull()).isTrue();
        JsonNode list = get("/v1/admin/projections", admin()).json();
        assertThat(texts(list.path("projections"), "name")).contains(AUDIT, "builds", "deployments");
        JsonNode listed = find(list.path("projections"), AUDIT);
        assertThat(listed.path("rebuildable").asBoolean()).isTrue();
        assertThat(listed.path("lag").asLong())
                .isEqualTo(listed.path("head").asLong() - listed.path("position").asLong());
    }

    @Test
    void deletingEveryAuditRowThenOneRebuildCallRestoresIdenticalAnswers() {
        Lane lane = laneOfItsOwn();
        String version = registered(lane.service());
        deployedSuccessfully(admin(), lane, version);
        assertError(deploy(admin(), intent(lane, "9.9.9")), 400, "VERSION_NOT_FOUND");
        single("event_type=DEPLOY_DENIED&delivery_group_id=" + lane.group(), target(lane.service()));
        restoreBaseline();
        int generation = awaitLive().path("activeGeneration").asInt();
        Map<String, String> before = answers(lane);
        List<Map<String, Object>> rows = allEntries();

        jdbc.update("DELETE FROM audit_event");
        assertThat(auditEvents("delivery_group_id=" + lane.group())).as("readers saw the deletion").isEmpty();

        Response started = post("/v1/admin/projections/audit/rebuild", freshAdmin(), null,
                "X-Request-Id", "ops-audit-rebuild-1");
        assertThat(started.status()).as(started.body()).isEqualTo(202);
        assertThat(started.json().path("projection").asText()).isEqualTo(AUDIT);
        assertThat(started.json().path("targetGeneration").asInt()).isEqualTo(3 - generation);
        awaitCompleted(started.json());

        assertThat(answers(lane)).isEqualTo(before);
        assertThat(allEntries()).isEqualTo(rows);
        assertThat(awaitLive().path("activeGeneration").asInt()).isEqualTo(3 - generation);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM audit_event_g" + generation, Long.class)).isZero();
        // Rebuilding is audited: who asked, in which role, under which request.
        String requested = jdbc.queryForObject("SELECT convert_from(metadata, 'UTF8') FROM domainevententry "
                + "WHERE payloadtype LIKE '%ProjectionRebuildRequested' AND convert_from(payload, 'UTF8') LIKE "
                + "'%\"projection\":\"audit\"%' ORDER BY globalindex DESC LIMIT 1", String.class);
        assertThat(requested).contains("\"actor_role\":\"PLATFORM_ADMIN\"")
                .contains("\"request_id\":\"ops-audit-rebuild-1\"");
    }

    @Test
    void auditReadsDuringARebuildNeverErrorNorComeBackShortAndNoEntryWrittenMeanwhileIsLost() throws Exception {
        Lane stable = laneOfItsOwn();
        deployedSuccessfully(admin(), stable, registered(stable.service()));
        Lane busy = laneOfItsOwn();
        awaitLive();
        Map<String, String> before = answers(stable);

        AtomicBoolean running = new AtomicBoolean(true);
        AtomicBoolean rebuilding = new AtomicBoolean();
        AtomicInteger readsDuringRebuild = new AtomicInteger();
        AtomicInteger denied = new AtomicInteger();
        List<String> wrong = new ArrayList<>();
        AtomicReference<Throwable> crashed = new AtomicReference<>();
        Thread reader = new Thread(() -> {
            try {
                int seen = 0;
                while (running.get()) {
                    boolean during = rebuilding.get();
                    Map<String, String> now = answers(stable);
                    int denials = auditEvents("event_type=DEPLOY_DENIED&limit=500&delivery_group_id="
                            + busy.group()).size();
                    if (!now.equals(before) || denials < seen) {
                        synchronized (wrong) {
                            wrong.add(denials + " denials after " + seen + ": " + now);
                        }
                    }
                    seen = denials;
                    // A read overlapping the rebuild window at either end counts: on a small store the
                    // whole rebuild can take less than one round of reads.
                    if (during || rebuilding.get()) {
                        readsDuringRebuild.incrementAndGet();
                    }
                }
            } catch (Throwable t) {
                crashed.set(t);
            }
        }, "audit-reader");
        Thread writer = new Thread(() -> {
            try {
                // Paced and capped, so that every denial fits in one answer of the audit (limit 500).
                while ((running.get() && denied.get() < MAX_DENIALS) || denied.get() < 5) {
                    assertError(deploy(freshAdmin(), intent(busy, "9.9.9")), 400, "VERSION_NOT_FOUND");
                    denied.incrementAndGet();
                    Thread.sleep(20);
                }
            } catch (Throwable t) {
                crashed.set(t);
            }
        }, "audit-writer");
        reader.start();
        writer.start();
        try {
            rebuilding.set(true);
            Response started = post("/v1/admin/projections/audit/rebuild", freshAdmin(), null);
            assertThat(started.status()).as(started.body()).isEqualTo(202);
            awaitCompleted(started.json());
            rebuilding.set(false);
        } finally {
            running.set(false);
            reader.join(30_000);
            writer.join(30_000);
        }
        assertThat(crashed.get()).isNull();
        assertThat(wrong).isEmpty();
        assertThat(readsDuringRebuild.get()).isPositive();
        // Every denial written before, during and after the switch is in the new generation, once.
        awaitLive();
        assertThat(auditEvents("event_type=DEPLOY_DENIED&limit=500&delivery_group_id=" + busy.group()))
                .hasSize(denied.get());
        assertThat(answers(stable)).isEqualTo(before);
    }

    @Test
    void theChainVerifiesBeforeDuringAndAfterARebuildThatNeitherWritesNorRewritesALink() {
        Lane lane = laneOfItsOwn();
        deployedSuccessfully(admin(), lane, registered(lane.service()));
        awaitLive();
        assertThat(verify().path("verified").asBoolean()).isTrue();
        long head = headPosition();
        List<Map<String, Object>> links = jdbc.queryForList("SELECT * FROM audit_chain ORDER BY link");
        String replaySlice = "/v1/audit/replay?after=" + Math.max(0, head - 500) + "&until=" + head;
        String replayed = get(replaySlice, admin()).body();
        assertThat(replayed).contains("\"position\":" + head);

        Response started = post("/v1/admin/projections/audit/rebuild", freshAdmin(), null);
        assertThat(started.status()).as(started.body()).isEqualTo(202);
        int checksDuringRebuild = 0;
        while (!finished(started.json())) {
            JsonNode during = verify();
            assertThat(during.path("verified").asBoolean()).as(during.toString()).isTrue();
            checksDuringRebuild++;
        }
        awaitCompleted(started.json());
        awaitLive();

        long headAfter = headPosition();
        JsonNode after = verify("?to=" + headAfter);
        assertThat(after.path("verified").asBoolean()).as(after.toString()).isTrue();
        assertThat(after.path("unchained").asLong()).as("every stored event is linked").isZero();
        assertThat(checksDuringRebuild).isPositive();
        List<Map<String, Object>> now = jdbc.queryForList("SELECT * FROM audit_chain ORDER BY link");
        assertThat(now.subList(0, links.size())).as("links written before the rebuild are unchanged")
                .isEqualTo(links);
        assertThat(get(replaySlice, admin()).body()).as("the event history itself").isEqualTo(replayed);
        // New links are for the events appended since (the rebuild's own among them), one each; none for the replay.
        long newestLinkBefore = ((Number) links.get(links.size() - 1).get("link")).longValue();
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM audit_chain WHERE link > ? AND position <= ?",
                Long.class, newestLinkBefore, head)).isZero();
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM audit_chain WHERE link > ? AND position <= ?",
                Long.class, newestLinkBefore, headAfter)).isEqualTo(jdbc.queryForObject(
                "SELECT COUNT(*) FROM domainevententry WHERE globalindex > ? AND globalindex <= ?", Long.class, head,
                headAfter)).isPositive();
    }

    @Test
    void aRowEditedByHandIsStillNamedAfterARebuild() {
        Lane lane = laneOfItsOwn();
        String requestId = "ops-audit-edit-" + UUID.randomUUID();
        assertError(post("/v1/deployments", admin(), intent(lane, uniqueVersion()), "Idempotency-Key",
                UUID.randomUUID().toString(), "X-Request-Id", requestId), 400, "VERSION_NOT_FOUND");
        awaitLive();
        Map<String, Object> row = jdbc.queryForMap("SELECT globalindex, eventidentifier, metadata FROM "
                + "domainevententry WHERE payloadtype LIKE '%DeploymentDenied' AND convert_from(metadata, 'UTF8') "
                + "LIKE ?", "%" + requestId + "%");
        long position = ((Number) row.get("globalindex")).longValue();
        String eventId = (String) row.get("eventidentifier");
        Map<String, Object> link = jdbc.queryForMap("SELECT * FROM audit_chain WHERE event_id = ?", eventId);
        Map<String, String> entries = answers(lane);

        // Who asked is part of the row the chain hashes; the entry itself does not show the request id.
        jdbc.update("UPDATE domainevententry SET metadata = convert_to(replace(convert_from(metadata, 'UTF8'), ?, ?), "
                + "'UTF8') WHERE eventidentifier = ?", requestId, requestId + "-forged", eventId);
        try {
            JsonNode edited = verify();
            assertNamed(edited, position, eventId, (String) link.get("entry_hash"));

            Response started = post("/v1/admin/projections/audit/rebuild", freshAdmin(), null);
            assertThat(started.status()).as(started.body()).isEqualTo(202);
            awaitCompleted(started.json());

            JsonNode afterRebuild = verify();
            assertNamed(afterRebuild, position, eventId, (String) link.get("entry_hash"));
            assertThat(afterRebuild.path("mismatch").path("actual_hash").asText())
                    .isEqualTo(edited.path("mismatch").path("actual_hash").asText());
            assertThat(jdbc.queryForMap("SELECT * FROM audit_chain WHERE event_id = ?", eventId)).isEqualTo(link);
            assertThat(answers(lane)).isEqualTo(entries);
        } finally {
            jdbc.update("UPDATE domainevententry SET metadata = ? WHERE eventidentifier = ?", row.get("metadata"),
                    eventId);
        }
        assertThat(verify().path("verified").asBoolean()).isTrue();
    }

    @Test
    void rebuildingAllProjectionsRebuildsTheAuditToo() {
        Lane lane = laneOfItsOwn();
        deployedSuccessfully(admin(), lane, registered(lane.service()));
        int generation = awaitLive().path("activeGeneration").asInt();
        Map<String, String> before = answers(lane);
        jdbc.update("DELETE FROM audit_event");

        Response started = post("/v1/admin/projections/rebuild", freshAdmin(), null);
        assertThat(started.status()).as(started.body()).isEqualTo(202);
        assertThat(texts(started.json().path("rebuilds"), "projection")).contains(AUDIT, "builds", "deployments");
        for (JsonNode run : started.json().path("rebuilds")) {
            awaitCompleted(run);
        }
        assertThat(answers(lane)).isEqualTo(before);
        assertThat(awaitLive().path("activeGeneration").asInt()).isEqualTo(3 - generation);
    }

    /** What GET /v1/audit/events answers about a lane, through each filter, plus the config changes. */
    private Map<String, String> answers(Lane lane) {
        Map<String, String> answers = new LinkedHashMap<>();
        JsonNode group = auditEvents("limit=500&delivery_group_id=" + lane.group());
        assertThat(group).as("the lane has entries").isNotEmpty();
        answers.put("group", group.toString());
        answers.put("deploys", auditEvents("event_type=DEPLOY_SUBMIT&delivery_group_id=" + lane.group()).toString());
        String oldest = group.get(group.size() - 1).path("timestamp").asText();
        String newest = group.get(0).path("timestamp").asText();
        answers.put("window", auditEvents("limit=500&start_time=" + oldest + "&end_time=" + newest).toString());
        answers.put("config", auditEvents("event_type=ADMIN_CONFIG_CHANGE&limit=500").toString());
        return answers;
    }

    private List<Map<String, Object>> allEntries() {
        return jdbc.queryForList("SELECT * FROM audit_event ORDER BY event_id");
    }

    private JsonNode verify() {
        return verify("");
    }

    private JsonNode verify(String query) {
        Response response = get("/v1/admin/audit/verify" + query, freshAdmin());
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return response.json();
    }

    private static void assertNamed(JsonNode verification, long position, String eventId, String chainedHash) {
        assertThat(verification.path("verified").asBoolean()).as(verification.toString()).isFalse();
        JsonNode mismatch = verification.path("mismatch");
        assertThat(mismatch.path("position").asLong()).isEqualTo(position);
        assertThat(mismatch.path("event_id").asText()).isEqualTo(eventId);
        assertThat(mismatch.path("reason").asText()).isEqualTo("HASH_MISMATCH");
        assertThat(mismatch.path("expected_hash").asText()).isEqualTo(chainedHash);
        assertThat(mismatch.path("actual_hash").asText()).hasSize(64).isNotEqualTo(chainedHash);
    }

    /** The audit processor once it has handled every stored event. */
    private JsonNode awaitLive() {
        long deadline = System.currentTimeMillis() + 30_000;
        JsonNode audit = null;
        while (System.currentTimeMillis() < deadline) {
            audit = get("/v1/admin/projections/audit", admin()).json();
            if (audit.path("state").asText().equals("live") && audit.path("lag").asLong() == 0) {
                return audit;
            }
            sleep(50);
        }
        throw new AssertionError("audit did not catch up: " + audit);
    }

    /** True once the rebuild this answer started has completed; fails at once if it failed. */
    private boolean finished(JsonNode started) {
        JsonNode rebuild = get("/v1/admin/projections/" + started.path("projection").asText(), admin()).json()
                .path("rebuild");
        assertThat(rebuild.path("startedAt").asText()).as("still the same rebuild")
                .isEqualTo(started.path("startedAt").asText());
        assertThat(rebuild.path("status").asText()).as(rebuild.toString()).isNotEqualTo("failed");
        return rebuild.path("status").asText().equals("completed");
    }

    private void awaitCompleted(JsonNode started) {
        long deadline = System.currentTimeMillis() + 120_000;
        while (!finished(started)) {
            assertThat(System.currentTimeMillis()).as("rebuild of " + started.path("projection").asText()
                    + " did not complete").isLessThan(deadline);
            sleep(100);
        }
    }
}
