package dev.dxcp.server.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import dev.dxcp.events.deployment.AutomaticRollbackMessages;
import dev.dxcp.gatesim.control.Outcome;
import dev.dxcp.saga.rollback.AutomaticRollbackTrigger;
import dev.dxcp.testsupport.http.TestHttp.Response;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.messaging.StreamableMessageSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Automatic rollback through the running server (docs/GOVERNANCE.md "Automatic rollback"): under an admin's
 * policy, a deployment the engine fails for an application reason is rolled back by the system to the last
 * good version, audited with the failed deployment as its cause and counted in the rollback quota; a spent
 * quota is recorded as a refusal; a failure redelivered by a replay of the processor starts nothing more.
 */
class GovernanceAutoRollbackEndToEndTest extends AuditTestSupport {
    private static final String POLICIES = "/v1/auto-rollback-policies";
    private final List<String> declared = new ArrayList<>();

    @Autowired
    private EventProcessingConfiguration processing;

    @AfterEach
    void cleanUp() {
        declared.forEach(id -> send("DELETE", POLICIES + "/" + id, freshAdmin(), null));
        env.gate.outcomes().clear();
        cancelUnfinishedExecutions();
    }

    @Test
    void anApplicationFailureUnderAPolicy_isRolledBackByTheSystemToTheLastGoodVersion_withTheFailureAsCause() {
        Lane lane = laneOfItsOwn();
        String good = registered(lane.service());
        String goodId = deployedSuccessfully(admin(), lane, good);
        autoRollback(lane);
        String bad = registered(lane.service());
        env.gate.outcomes().forParameter("version", bad, Outcome.controllerError("health_check_failed"));

        String failedId = failedDeploy(lane, bad);

        String rollbackId = AutomaticRollbackMessages.rollbackIdOf(failedId);
        JsonNode rollback = awaitRecord(rollbackId);
        assertThat(rollback.path("deploymentKind").asText()).isEqualTo("ROLLBACK");
        assertThat(rollback.path("rollbackOf").asText()).isEqualTo(failedId);
        assertThat(rollback.path("version").asText()).isEqualTo(good);
        assertThat(rollback.path("changeSummary").asText()).startsWith("automatic rollback of " + failedId);
        assertThat(awaitTerminal(rollbackId).path("state").asText()).isEqualTo("SUCCEEDED");
        JsonNode status = get("/v1/services/" + lane.service() + "/delivery-status?environment=" + lane.environment(),
                admin()).json();
        assertThat(status.path("currentRunning").path("version").asText()).isEqualTo(good);
        assertThat(status.path("latest").path("automaticRollback").path("failedDeploymentId").asText())
                .isEqualTo(failedId);
        assertThat(rollbacksOf(lane)).as("one rollback, no other").containsExactly(rollbackId);
        assertThat(goodId).isNotEqualTo(rollbackId);
        JsonNode cause = get("/v1/deployments/" + rollbackId, admin()).json().path("automaticRollback");
        assertThat(cause.path("status").asText()).isEqualTo("AUTOMATIC");
        assertThat(cause.path("failedDeploymentId").asText()).isEqualTo(failedId);
        assertThat(cause.path("failureCategories").toString()).isEqualTo("[\"APP\"]");
        JsonNode onFailed = get("/v1/deployments/" + failedId, admin()).json().path("automaticRollback");
        assertThat(onFailed.path("status").asText()).isEqualTo("STARTED");
        assertThat(onFailed.path("rollbackDeploymentId").asText()).isEqualTo(rollbackId);
        assertThat(texts(get("/v1/deployments/" + rollbackId + "/timeline", admin()).json(), "key"))
                .containsExactly("submitted", "validated", "automatic_rollback", "rollback_started",
                        "rollback_succeeded");
        assertThat(texts(get("/v1/deployments/" + failedId + "/timeline", admin()).json(), "key"))
                .endsWith("failed", "automatic_rollback_started");
        JsonNode governance = get("/v1/insights/dora?service=" + lane.service(), admin()).json()
                .path("changeGovernance");
        assertThat(governance.path("automaticRollbacks").asInt()).isEqualTo(1);
        assertThat(governance.path("automaticRollbacksRefused").asInt()).isZero();

        JsonNode submitted = single("event_type=ROLLBACK_SUBMIT&limit=500", target(rollbackId));
        assertThat(submitted.path("actor_id").asText()).isEqualTo("system");
        assertThat(submitted.path("actor_role").asText()).isEqualTo("SYSTEM");
        assertThat(submitted.path("summary").asText()).contains("Automatic rollback of " + failedId);
        JsonNode started = single("event_type=AUTO_ROLLBACK_STARTED&limit=500", target(failedId));
        assertThat(started.path("actor_id").asText()).isEqualTo("system");
        assertThat(started.path("summary").asText()).contains(rollbackId).contains("(APP)");
        assertThat(started.path("service_name").asText()).isEqualTo(lane.service());
        List<JsonNode> replayed = events(replay("after=0&service=" + lane.service()));
        assertThat(replayed).extracting(line -> line.path("event_type").asText())
                .contains("DeploymentFailed", "AutomaticRollbackStarted");
    }

    @Test
    void aSpentRollbackQuota_isRecordedAsARefusal_andNoRollbackIsStarted() {
        Lane lane = laneOfItsOwn();
        JsonNode group = get("/v1/delivery-groups/" + lane.group(), freshAdmin()).json();
        com.fasterxml.jackson.databind.node.ObjectNode update = group.deepCopy();
        update.putObject("guardrails").put("daily_rollback_quota", 1);
        update.remove(List.of("created_at", "created_by", "updated_at", "updated_by", "last_change_reason"));
        assertThat(put("/v1/delivery-groups/" + lane.group(), freshAdmin(), update).status()).isEqualTo(200);
        String first = registered(lane.service());
        deployedSuccessfully(admin(), lane, first);
        String second = registered(lane.service());
        String secondId = deployedSuccessfully(admin(), lane, second);
        Response manual = rollback(admin(), secondId);
        assertThat(manual.status()).as(manual.body()).isEqualTo(201);
        awaitTerminal(manual.json().path("id").asText());
        autoRollback(lane);
        String bad = registered(lane.service());
        env.gate.outcomes().forParameter("version", bad, Outcome.controllerError("health_check_failed"));

        String failedId = failedDeploy(lane, bad);

        JsonNode refused = single("event_type=AUTO_ROLLBACK_REFUSED&limit=500", target(failedId));
        assertThat(refused.path("outcome").asText()).isEqualTo("DENIED");
        assertThat(refused.path("actor_id").asText()).isEqualTo("system");
        assertThat(refused.path("summary").asText()).contains("QUOTA_EXCEEDED");
        JsonNode denied = single("event_type=ROLLBACK_DENIED&limit=500", target(failedId));
        assertThat(denied.path("actor_id").asText()).isEqualTo("system");
        assertThat(get("/v1/deployments/" + AutomaticRollbackMessages.rollbackIdOf(failedId), admin()).status())
                .isEqualTo(404);
        JsonNode onFailed = get("/v1/deployments/" + failedId, admin()).json().path("automaticRollback");
        assertThat(onFailed.path("status").asText()).isEqualTo("REFUSED");
        assertThat(onFailed.path("code").asText()).isEqualTo("QUOTA_EXCEEDED");
        assertThat(get("/v1/insights/dora?service=" + lane.service(), admin()).json().path("changeGovernance")
                .path("automaticRollbacksRefused").asInt()).isEqualTo(1);
    }

    @Test
    void aFailureRedeliveredByAReplayOfTheProcessor_startsNoSecondRollback() {
        Lane lane = laneOfItsOwn();
        deployedSuccessfully(admin(), lane, registered(lane.service()));
        autoRollback(lane);
        String bad = registered(lane.service());
        env.gate.outcomes().forParameter("version", bad, Outcome.controllerError("health_check_failed"));
        String failedId = failedDeploy(lane, bad);
        String rollbackId = AutomaticRollbackMessages.rollbackIdOf(failedId);
        assertThat(awaitTerminal(rollbackId).path("state").asText()).isEqualTo("SUCCEEDED");
        long executionsBefore = executionsOf(rollbackId);

        StreamingEventProcessor trigger = processing.eventProcessor(AutomaticRollbackTrigger.PROCESSING_GROUP,
                StreamingEventProcessor.class).orElseThrow();
        trigger.shutDown();
        trigger.resetTokens(StreamableMessageSource::createTailToken);
        trigger.start();
        awaitCaughtUp(trigger);

        assertThat(rollbacksOf(lane)).containsExactly(rollbackId);
        assertThat(executionsOf(rollbackId)).isEqualTo(executionsBefore).isEqualTo(1);
        Integer accepted = jdbc.queryForObject("SELECT COUNT(*) FROM domainevententry WHERE payloadtype LIKE "
                + "'%AutomaticRollbackStarted' AND aggregateidentifier = ?", Integer.class, failedId);
        assertThat(accepted).isEqualTo(1);
    }

    @Test
    void policiesAreValidated_oneAScope_writtenByAdmins_andReadableByEveryone() {
        Lane lane = laneOfItsOwn();
        JsonNode policy = autoRollback(lane);
        assertThat(policy.path("recipe_id").isNull()).isTrue();
        assertError(post(POLICIES, freshAdmin(), body(unique("dup").toLowerCase(), lane)), 409,
                "AUTO_ROLLBACK_POLICY_EXISTS");
        Map<String, Object> unknownRecipe = body(unique("rcp").toLowerCase(), lane);
        unknownRecipe.put("recipe_id", "no-such-recipe");
        assertError(post(POLICIES, freshAdmin(), unknownRecipe), 400, "INVALID_REQUEST");
        assertError(post(POLICIES, env.identity.ownerToken("auto.owner@example.com"), body("x", lane)), 403,
                "ROLE_FORBIDDEN");
        assertThat(texts(get(POLICIES, env.identity.observerToken()).json(), "id"))
                .contains(policy.path("id").asText());
        single("event_type=ADMIN_CREATE&limit=500", target(policy.path("id").asText()));
        Response summary = post("/v1/policy/summary", freshAdmin(), Map.of("service", lane.service(),
                "environment", lane.environment(), "recipeId", "default"));
        assertThat(summary.status()).as(summary.body()).isEqualTo(200);
        assertThat(summary.json().path("auto_rollback").path("policy_id").asText())
                .isEqualTo(policy.path("id").asText());
        assertThat(summary.json().has("approval")).as("no approval policy covers the lane").isFalse();
    }

    private JsonNode autoRollback(Lane lane) {
        Response created = post(POLICIES, freshAdmin(), body(unique("auto").toLowerCase(), lane));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        declared.add(created.json().path("id").asText());
        return created.json();
    }

    private static Map<String, Object> body(String id, Lane lane) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("id", id);
        body.put("delivery_group_id", lane.group());
        body.put("environment", lane.environment());
        return body;
    }

    private String failedDeploy(Lane lane, String version) {
        Response created = deploy(admin(), intent(lane, version));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        String id = created.json().path("id").asText();
        JsonNode failed = awaitTerminal(id);
        assertThat(failed.path("state").asText()).isEqualTo("FAILED");
        assertThat(failed.path("failures").get(0).path("category").asText()).isEqualTo("APP");
        return id;
    }

    /** Polls until the record exists (the rollback is started from the event stream, after the failure). */
    private JsonNode awaitRecord(String id) {
        long deadline = System.currentTimeMillis() + 15_000;
        while (System.currentTimeMillis() < deadline) {
            Response found = get("/v1/deployments/" + id, admin());
            if (found.status() == 200) {
                return found.json();
            }
            sleep(50);
        }
        throw new AssertionError("no record " + id);
    }

    private List<String> rollbacksOf(Lane lane) {
        List<String> ids = new ArrayList<>();
        get("/v1/deployments?service=" + lane.service(), admin()).json().forEach(record -> {
            if (record.path("deploymentKind").asText().equals("ROLLBACK")) {
                ids.add(record.path("id").asText());
            }
        });
        return ids;
    }

    private void awaitCaughtUp(StreamingEventProcessor processor) {
        long deadline = System.currentTimeMillis() + 60_000;
        while (System.currentTimeMillis() < deadline) {
            long head = headPosition();
            if (processor.isRunning() && !processor.processingStatus().isEmpty()
                    && processor.processingStatus().values().stream().allMatch(s -> s.isCaughtUp()
                    && s.getCurrentPosition().orElse(-1) >= head)) {
                return;
            }
            sleep(100);
        }
        throw new AssertionError("the automatic rollback processor did not catch up");
    }
}
