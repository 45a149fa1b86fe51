package dev.dxcp.server.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dxcp.events.common.Timestamps;
import dev.dxcp.gatesim.control.Outcome;
import dev.dxcp.testsupport.http.TestHttp;
import dev.dxcp.testsupport.http.TestHttp.Response;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code asOf} on running, delivery-status and the record reads (docs/TIME_TRAVEL.md), over one history
 * made through the real engine path: deploy v1, deploy v2, roll v2 back, a deploy that fails, a deploy
 * that is canceled. Moments are taken from the records' own createdAt/updatedAt, so each question sits
 * exactly on (or one microsecond before) the change it is about.
 */
class TimeTravelEndToEndTest extends DeploymentTestSupport {
    private static final String OWNER = "owner.timetravel@example.com";
    private static History history;

    /** The scripted history's record ids and versions; built once, read by every test. */
    private record History(String service, String v1, String v2, String first, String second, String rollback,
                           String failed, String canceled) {
        List<String> ids() {
            return List.of(first, second, rollback, failed, canceled);
        }
    }

    @AfterEach
    void restoreEngine() {
        env.gate.outcomes().clear();
    }

    @Test
    void asOfNowAnswersFieldForFieldWhatTheReadModelAnswers() {
        History h = history();
        String now = Timestamps.format(Instant.now());
        for (String id : h.ids()) {
            for (String suffix : List.of("", "/failures", "/timeline")) {
                String path = "/v1/deployments/" + id + suffix;
                assertThat(get(path + "?asOf=" + now, admin()).body()).as(path).isEqualTo(get(path, admin()).body());
                String owner = env.identity.ownerToken(OWNER);
                assertThat(get(path + "?asOf=" + now, owner).body()).as(path).isEqualTo(get(path, owner).body());
            }
        }
        for (String token : List.of(admin(), env.identity.observerToken())) {
            JsonNode live = get("/v1/services/" + h.service() + "/delivery-status", token).json();
            JsonNode then = get("/v1/services/" + h.service() + "/delivery-status?asOf=" + now, token).json();
            assertThat(then.path("currentRunning").path("derivedAt").asText()).isEqualTo(now);
            assertThat(withoutDerivedAt(then, "currentRunning")).isEqualTo(withoutDerivedAt(live, "currentRunning"));
            assertThat(live.path("latest").path("id").asText()).isEqualTo(h.canceled());
        }
        JsonNode running = get("/v1/services/" + h.service() + "/running?asOf=" + now, admin()).json();
        assertThat(running.path("derivedAt").asText()).isEqualTo(now);
        assertThat(withoutDerivedAt(running, null)).isEqualTo(withoutDerivedAt(
                get("/v1/services/" + h.service() + "/running", admin()).json(), null));
        assertThat(running.path("deploymentId").asText()).isEqualTo(h.rollback());
    }

    @Test
    void beforeTheFirstDeploymentNothingRanAndTheRecordDidNotExist() {
        History h = history();
        String before = minusMicro(record(h.first()).path("createdAt").asText());
        assertThat(get("/v1/services/" + h.service() + "/running?asOf=" + before, admin()).body()).isEqualTo("null");
        JsonNode status = get("/v1/services/" + h.service() + "/delivery-status?asOf=" + before, admin()).json();
        assertThat(status.path("hasDeployments").asBoolean()).isFalse();
        assertThat(status.path("latest").isNull()).isTrue();
        assertThat(status.path("currentRunning").isNull()).isTrue();
        for (String suffix : List.of("", "/failures", "/timeline")) {
            assertError(get("/v1/deployments/" + h.first() + suffix + "?asOf=" + before, admin()), 404, "NOT_FOUND");
        }
        JsonNode justCreated = get("/v1/deployments/" + h.first() + "?asOf="
                + record(h.first()).path("createdAt").asText(), admin()).json();
        assertThat(justCreated.path("state").asText()).isEqualTo("IN_PROGRESS");
        assertThat(justCreated.path("outcome").isNull()).isTrue();
    }

    @Test
    void v1WasRunningUntilV2SucceededAndWasSupersededAfter() {
        History h = history();
        String v2Started = record(h.second()).path("createdAt").asText();
        JsonNode running = get("/v1/services/" + h.service() + "/running?asOf=" + v2Started, admin()).json();
        assertThat(running.path("version").asText()).isEqualTo(h.v1());
        assertThat(running.path("deploymentId").asText()).isEqualTo(h.first());
        assertThat(running.path("derivedAt").asText()).isEqualTo(v2Started);
        assertThat(outcomeAsOf(h.first(), v2Started)).isEqualTo("SUCCEEDED");
        JsonNode status = get("/v1/services/" + h.service() + "/delivery-status?asOf=" + v2Started, admin()).json();
        assertThat(status.path("latest").path("id").asText()).isEqualTo(h.second());
        assertThat(status.path("latest").path("state").asText()).isEqualTo("IN_PROGRESS");
        assertThat(status.path("currentRunning").path("version").asText()).isEqualTo(h.v1());

        String v2Succeeded = record(h.second()).path("updatedAt").asText();
        assertThat(get("/v1/services/" + h.service() + "/running?asOf=" + minusMicro(v2Succeeded), admin()).json()
                .path("version").asText()).isEqualTo(h.v1());
        assertThat(get("/v1/services/" + h.service() + "/running?asOf=" + v2Succeeded, admin()).json()
                .path("version").asText()).isEqualTo(h.v2());
        assertThat(outcomeAsOf(h.first(), v2Succeeded)).isEqualTo("SUPERSEDED");
    }

    @Test
    void v2WasSucceededBeforeItsRollbackSucceededAndRolledBackAfter() {
        History h = history();
        String rollbackSucceeded = record(h.rollback()).path("updatedAt").asText();
        assertThat(outcomeAsOf(h.second(), record(h.rollback()).path("createdAt").asText())).isEqualTo("SUCCEEDED");
        assertThat(outcomeAsOf(h.second(), minusMicro(rollbackSucceeded))).isEqualTo("SUCCEEDED");
        assertThat(outcomeAsOf(h.second(), rollbackSucceeded)).isEqualTo("ROLLED_BACK");
        JsonNode running = get("/v1/services/" + h.service() + "/running?asOf=" + rollbackSucceeded, admin()).json();
        assertThat(running.path("deploymentKind").asText()).isEqualTo("ROLLBACK");
        assertThat(running.path("version").asText()).isEqualTo(h.v1());
        assertThat(texts(get("/v1/deployments/" + h.rollback() + "/timeline?asOf=" + minusMicro(rollbackSucceeded),
                admin()).json(), "key")).containsExactly("submitted", "validated", "rollback_started", "in_progress");
    }

    @Test
    void theFailureAndTheCancelAppearOnlyFromTheMomentTheyWereRecorded() {
        History h = history();
        String failedAt = record(h.failed()).path("updatedAt").asText();
        assertThat(get("/v1/deployments/" + h.failed() + "/failures?asOf=" + minusMicro(failedAt), admin()).json())
                .isEmpty();
        JsonNode failures = get("/v1/deployments/" + h.failed() + "/failures?asOf=" + failedAt, admin()).json();
        assertThat(failures).hasSize(1);
        assertThat(failures.get(0).path("category").asText()).isEqualTo("ARTIFACT");

        String canceledAt = record(h.canceled()).path("updatedAt").asText();
        JsonNode before = get("/v1/services/" + h.service() + "/delivery-status?asOf=" + minusMicro(canceledAt),
                admin()).json();
        assertThat(before.path("latest").path("id").asText()).isEqualTo(h.canceled());
        assertThat(before.path("latest").path("outcome").isNull()).isTrue();
        JsonNode after = get("/v1/services/" + h.service() + "/delivery-status?asOf=" + canceledAt, admin()).json();
        assertThat(after.path("latest").path("outcome").asText()).isEqualTo("CANCELED");
        assertThat(after.path("currentRunning").path("deploymentId").asText()).isEqualTo(h.rollback());
    }

    @Test
    void anUnparsableAsOfIsAnInvalidRequestAndAFutureOneMeansNow() {
        History h = history();
        for (String path : List.of("/v1/services/" + h.service() + "/running",
                "/v1/services/" + h.service() + "/delivery-status", "/v1/deployments/" + h.first(),
                "/v1/deployments/" + h.first() + "/failures", "/v1/deployments/" + h.first() + "/timeline")) {
            assertError(get(path + "?asOf=yesterday", admin()), 400, "INVALID_REQUEST");
            assertError(get(path + "?asOf=2026-13-01T00:00:00Z", admin()), 400, "INVALID_REQUEST");
        }
        String future = Timestamps.format(Instant.now().plusSeconds(3600));
        JsonNode running = get("/v1/services/" + h.service() + "/running?asOf=" + future, admin()).json();
        assertThat(running.path("deploymentId").asText()).isEqualTo(h.rollback());
        assertThat(running.path("derivedAt").asText()).isNotEqualTo(future);
        assertThat(Instant.parse(running.path("derivedAt").asText())).isBefore(Instant.parse(future));
        assertThat(get("/v1/deployments/" + h.second() + "?asOf=" + future, admin()).body())
                .isEqualTo(get("/v1/deployments/" + h.second(), admin()).body());
    }

    @Test
    void anAsOfWithAnOffsetMeansTheSameInstant() {
        History h = history();
        Instant v2Succeeded = Instant.parse(record(h.second()).path("updatedAt").asText());
        String withOffset = v2Succeeded.atOffset(ZoneOffset.ofHours(2)).toString();
        assertThat(withOffset).endsWith("+02:00");
        JsonNode running = get("/v1/services/" + h.service() + "/running?asOf="
                + URLEncoder.encode(withOffset, StandardCharsets.UTF_8), admin()).json();
        assertThat(running.path("version").asText()).isEqualTo(h.v2());
        assertThat(running.path("derivedAt").asText()).isEqualTo(Timestamps.format(v2Succeeded));
    }

    @Test
    void readScopingIsTheSameInThePast() {
        History h = history();
        String v2Succeeded = record(h.second()).path("updatedAt").asText();
        String path = "/v1/deployments/" + h.second() + "?asOf=" + v2Succeeded;
        assertThat(get(path, env.identity.ownerToken(OWNER)).json().path("outcome").asText()).isEqualTo("SUCCEEDED");
        assertThat(get(path, env.identity.observerToken()).json().has("engineExecutionId")).isFalse();
        assertThat(get(path, admin()).json().path("engineExecutionId").asText()).isNotBlank();
        assertError(get(path, env.identity.ownerToken("someone.else@example.com")), 403,
                "DELIVERY_GROUP_SCOPE_REQUIRED");
        assertError(get(path, ci("timetravel")), 403, "DELIVERY_GROUP_SCOPE_REQUIRED");
        // 404 is decided before scoping, in the past as now.
        String beforeIt = minusMicro(record(h.second()).path("createdAt").asText());
        assertError(get("/v1/deployments/" + h.second() + "?asOf=" + beforeIt,
                env.identity.ownerToken("someone.else@example.com")), 404, "NOT_FOUND");
    }

    private synchronized History history() {
        if (history == null) {
            history = script();
        }
        return history;
    }

    private History script() {
        String service = serviceInOwnGroup(OWNER, null);
        String owner = env.identity.ownerToken(OWNER);
        String v1 = registered(service);
        String v2 = registered(service);
        String first = deployedSuccessfully(owner, service, v1);
        String second = deployedSuccessfully(owner, service, v2);
        Response rolledBack = rollback(owner, second);
        assertThat(rolledBack.status()).as(rolledBack.body()).isEqualTo(201);
        String rollbackId = rolledBack.json().path("id").asText();
        assertThat(awaitTerminal(rollbackId).path("state").asText()).isEqualTo("SUCCEEDED");

        String v3 = registered(service);
        env.gate.outcomes().forParameter("version", v3, Outcome.controllerError("artifact_bucket_mismatch"));
        String failed = deploy(owner, intent(service, v3)).json().path("id").asText();
        assertThat(awaitTerminal(failed).path("state").asText()).isEqualTo("FAILED");

        String v4 = registered(service);
        env.gate.outcomes().forParameter("version", v4, Outcome.hang());
        String canceled = deploy(owner, intent(service, v4)).json().path("id").asText();
        String execution = record(canceled).path("engineExecutionId").asText();
        assertThat(execution).isNotBlank();
        TestHttp.send("PUT", env.gate.baseUrl() + "/pipelines/" + execution + "/cancel?reason=time%20travel", null,
                null);
        assertThat(awaitTerminal(canceled).path("state").asText()).isEqualTo("CANCELED");
        env.gate.outcomes().clear();
        return new History(service, v1, v2, first, second, rollbackId, failed, canceled);
    }

    private JsonNode record(String id) {
        return get("/v1/deployments/" + id, admin()).json();
    }

    private String outcomeAsOf(String id, String asOf) {
        Response response = get("/v1/deployments/" + id + "?asOf=" + asOf, admin());
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return response.json().path("outcome").isNull() ? null : response.json().path("outcome").asText();
    }

    private static String minusMicro(String timestamp) {
        return Timestamps.format(Instant.parse(timestamp).minusNanos(1000));
    }

    private static JsonNode withoutDerivedAt(JsonNode node, String field) {
        ObjectNode copy = node.deepCopy();
        ObjectNode holder = field == null ? copy : (ObjectNode) copy.path(field);
        holder.remove("derivedAt");
        return copy;
    }
}
