package dev.dxcp.server.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dxcp.testsupport.http.TestHttp.Response;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Freeze windows through the running server (docs/GOVERNANCE.md): deploys inside a window are refused with
 * 403 FREEZE_WINDOW_ACTIVE (validate the same, policy summary reports the window and when it ends),
 * rollbacks go on unless the window holds them, and a platform admin's override with a reason lets one
 * request through, audited as FREEZE_OVERRIDE.
 */
class GovernanceFreezeWindowsEndToEndTest extends AuditTestSupport {
    private static final String WINDOWS = "/v1/freeze-windows";
    private final List<String> declared = new ArrayList<>();

    @AfterEach
    void removeWindows() {
        declared.forEach(id -> send("DELETE", WINDOWS + "/" + id, freshAdmin(), null));
    }

    @Test
    void insideAWindow_deployAndValidateAreRefused_policySummaryReportsIt_andAnAdminOverrideIsAudited()
            throws Exception {
        Lane lane = laneOfItsOwn();
        String version = registered(lane.service());
        Instant endsAt = Instant.now().plus(1, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS);
        JsonNode window = declare(oneOff(unique("q4").toLowerCase(), lane, Instant.now().minusSeconds(60), endsAt));
        assertThat(window.path("in_force").asBoolean()).isTrue();
        String owner = env.identity.ownerToken("freeze.owner@example.com");

        Response refused = deploy(owner, intent(lane, version));
        assertError(refused, 403, "FREEZE_WINDOW_ACTIVE");
        assertThat(refused.json().path("details").path("freeze_window_id").asText())
                .isEqualTo(window.path("id").asText());
        assertThat(Instant.parse(refused.json().path("details").path("ends_at").asText())).isEqualTo(endsAt);
        assertThat(refused.json().path("message").asText()).contains("quarter end");
        assertError(post("/v1/deployments/validate", owner, intent(lane, version)), 403, "FREEZE_WINDOW_ACTIVE");
        Response summary = post("/v1/policy/summary", owner, Map.of("service", lane.service(),
                "environment", lane.environment(), "recipeId", "default"));
        assertThat(summary.status()).as(summary.body()).isEqualTo(200);
        assertThat(summary.json().path("freeze").path("freeze_window_id").asText())
                .isEqualTo(window.path("id").asText());
        assertThat(Instant.parse(summary.json().path("freeze").path("ends_at").asText())).isEqualTo(endsAt);

        Response ownerOverride = post("/v1/deployments", owner, intent(lane, version), "Idempotency-Key",
                UUID.randomUUID().toString(), "X-Freeze-Override-Reason", "please");
        assertError(ownerOverride, 403, "FREEZE_WINDOW_ACTIVE");

        Admin admin = namedAdmin();
        Response validated = post("/v1/deployments/validate", admin.token(), intent(lane, version),
                "X-Freeze-Override-Reason", "hotfix INC-42");
        assertThat(validated.status()).as(validated.body()).isEqualTo(200);
        assertThat(validated.json().path("freeze").path("freeze_window_id").asText())
                .isEqualTo(window.path("id").asText());
        Response overridden = post("/v1/deployments", admin.token(), intent(lane, version), "Idempotency-Key",
                UUID.randomUUID().toString(), "X-Freeze-Override-Reason", "hotfix INC-42",
                "X-Request-Id", "override-" + UUID.randomUUID());
        assertThat(overridden.status()).as(overridden.body()).isEqualTo(201);
        String id = overridden.json().path("id").asText();
        awaitTerminal(id);

        JsonNode entry = single("event_type=FREEZE_OVERRIDE&limit=500", target(id));
        assertThat(entry.path("actor_id").asText()).isEqualTo(admin.sub());
        assertThat(entry.path("actor_role").asText()).isEqualTo("PLATFORM_ADMIN");
        assertThat(entry.path("delivery_group_id").asText()).isEqualTo(lane.group());
        JsonNode detail = new ObjectMapper().readTree(entry.path("summary").asText());
        assertThat(detail.path("reason").asText()).isEqualTo("hotfix INC-42");
        assertThat(detail.path("freeze_window_id").asText()).isEqualTo(window.path("id").asText());
        assertThat(detail.path("request_id").asText()).isEqualTo(overridden.header("X-Request-Id").orElseThrow());
        List<JsonNode> denials = awaitAudit("event_type=DEPLOY_DENIED&limit=500",
                e -> e.path("service_name").asText().equals(lane.service()), 2);
        assertThat(denials).allSatisfy(d -> assertThat(d.path("summary").asText()).contains("FREEZE_WINDOW_ACTIVE"));
    }

    @Test
    void rollbacksGoOnDuringAWindow_unlessItHoldsThem_andRemovingTheWindowLiftsIt() {
        Lane lane = laneOfItsOwn();
        String admin = freshAdmin();
        String first = registered(lane.service());
        String second = registered(lane.service());
        String third = registered(lane.service());
        deployedSuccessfully(admin, lane, first);
        String bad = deployedSuccessfully(admin, lane, second);
        declare(oneOff(unique("lenient").toLowerCase(), lane, Instant.now().minusSeconds(5),
                Instant.now().plusSeconds(3600)));

        Response rolledBack = rollback(admin, bad);
        assertThat(rolledBack.status()).as(rolledBack.body()).isEqualTo(201);
        awaitTerminal(rolledBack.json().path("id").asText());

        Map<String, Object> strict = oneOff(unique("strict").toLowerCase(), lane, Instant.now().minusSeconds(5),
                Instant.now().plusSeconds(3600));
        strict.put("allow_rollbacks", false);
        JsonNode strictWindow = declare(strict);
        assertError(rollback(admin, bad), 403, "FREEZE_WINDOW_ACTIVE");

        declared.forEach(windowId -> assertThat(send("DELETE", WINDOWS + "/" + windowId, freshAdmin(), null)
                .status()).isEqualTo(204));
        declared.clear();
        assertError(get(WINDOWS + "/" + strictWindow.path("id").asText(), freshAdmin()), 404, "NOT_FOUND");
        Response after = deploy(admin, intent(lane, third));
        assertThat(after.status()).as(after.body()).isEqualTo(201);
        awaitTerminal(after.json().path("id").asText());
    }

    @Test
    void aRecurringWindowIsInForceWhenItsCronTimeIsPast_andEveryoneCanReadTheWindows() {
        Lane lane = laneOfItsOwn();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("id", unique("always").toLowerCase());
        body.put("delivery_group_id", lane.group());
        body.put("reason", "every hour, all hour");
        body.put("schedule", Map.of("cron", "0 * * * *", "duration_minutes", 60, "time_zone", "Europe/Berlin"));
        JsonNode window = declare(body);

        assertThat(window.path("in_force").asBoolean()).isTrue();
        assertThat(window.path("schedule").path("time_zone").asText()).isEqualTo("Europe/Berlin");
        Response listed = get(WINDOWS, env.identity.observerToken());
        assertThat(listed.status()).isEqualTo(200);
        assertThat(texts(listed.json(), "id")).contains(window.path("id").asText());
        assertError(deploy(freshAdmin(), intent(lane, registered(lane.service()))), 403, "FREEZE_WINDOW_ACTIVE");
    }

    @Test
    void badWindowsAreRefusedNamingTheField_andAnIdIsDeclaredOnce() {
        Lane lane = laneOfItsOwn();
        Map<String, Object> badCron = new LinkedHashMap<>();
        badCron.put("reason", "r");
        badCron.put("schedule", Map.of("cron", "0 18 * *", "duration_minutes", 60));
        Response refused = post(WINDOWS, freshAdmin(), badCron);
        assertError(refused, 400, "INVALID_REQUEST");
        assertThat(refused.json().path("message").asText()).contains("schedule.cron");
        Map<String, Object> backwards = oneOff("backwards", lane, Instant.now(), Instant.now().minusSeconds(1));
        assertError(post(WINDOWS, freshAdmin(), backwards), 400, "INVALID_REQUEST");
        Map<String, Object> unknownGroup = oneOff("nogroup", lane, Instant.now(), Instant.now().plusSeconds(60));
        unknownGroup.put("delivery_group_id", "no-such-group");
        assertError(post(WINDOWS, freshAdmin(), unknownGroup), 400, "INVALID_REQUEST");
        Map<String, Object> once = oneOff(unique("once").toLowerCase(), lane, Instant.now().plusSeconds(3600),
                Instant.now().plusSeconds(7200));
        declare(once);
        assertError(post(WINDOWS, freshAdmin(), once), 409, "FREEZE_WINDOW_EXISTS");
        assertError(post(WINDOWS, env.identity.ownerToken("o@example.com"), once), 403, "ROLE_FORBIDDEN");
        single("event_type=ADMIN_CREATE&limit=500", target((String) once.get("id")));
    }

    /**
     * A freeze starting while deploys are admitted: every deploy requested before the window's start is
     * accepted and every one requested from it on is refused; none slips through after the start.
     */
    @Test
    void aFreezeStartingWhileDeploysAreAdmitted_cutsThemAtItsStart() throws Exception {
        Lane lane = laneOfItsOwn();
        ownLaneGuardrails(lane, 200);
        List<String> versions = new ArrayList<>();
        for (int i = 0; i < 16; i++) {
            versions.add(registered(lane.service()));
        }
        Instant start = Instant.now().plusMillis(1500).truncatedTo(ChronoUnit.MILLIS);
        declare(oneOff(unique("cut").toLowerCase(), lane, start, start.plusSeconds(600)));
        String owner = env.identity.ownerToken("race.owner@example.com");
        List<Response> answers = Parallel.run(versions.size(), i -> {
            sleep(i * 200L);
            return deploy(owner, intent(lane, versions.get(i)));
        });

        int accepted = 0;
        int frozen = 0;
        for (Response answer : answers) {
            if (answer.status() == 201) {
                accepted++;
                awaitTerminal(answer.json().path("id").asText());
                assertThat(Instant.parse(answer.json().path("createdAt").asText())).isBefore(start);
            } else {
                assertError(answer, 403, "FREEZE_WINDOW_ACTIVE");
                frozen++;
            }
        }
        assertThat(accepted).as("deploys before the start").isPositive();
        assertThat(frozen).as("deploys from the start on").isPositive();
        List<JsonNode> denials = awaitAudit("event_type=DEPLOY_DENIED&limit=500",
                e -> e.path("service_name").asText().equals(lane.service()), frozen);
        assertThat(denials).allSatisfy(d -> assertThat(Instant.parse(d.path("timestamp").asText()))
                .isAfterOrEqualTo(start));
    }

    private JsonNode declare(Map<String, Object> body) {
        Response created = post(WINDOWS, freshAdmin(), body);
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        declared.add(created.json().path("id").asText());
        return created.json();
    }

    private static Map<String, Object> oneOff(String id, Lane lane, Instant from, Instant to) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("id", id);
        body.put("delivery_group_id", lane.group());
        body.put("environment", lane.environment());
        body.put("reason", "quarter end");
        body.put("starts_at", from.toString());
        body.put("ends_at", to.toString());
        return body;
    }

    private void ownLaneGuardrails(Lane lane, int limit) {
        ObjectNode update = (ObjectNode) get("/v1/delivery-groups/" + lane.group(),
                freshAdmin()).json().deepCopy();
        update.putObject("guardrails").put("max_concurrent_deployments", limit).put("daily_deploy_quota", limit)
                .put("daily_rollback_quota", limit);
        update.remove(List.of("created_at", "created_by", "updated_at", "updated_by", "last_change_reason"));
        Response updated = put("/v1/delivery-groups/" + lane.group(), freshAdmin(), update);
        assertThat(updated.status()).as(updated.body()).isEqualTo(200);
    }
}
