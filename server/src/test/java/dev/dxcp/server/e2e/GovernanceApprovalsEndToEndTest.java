package dev.dxcp.server.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dxcp.testsupport.http.TestHttp.Response;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Approvals through the running server (docs/GOVERNANCE.md "Approvals"): a deploy under an approval policy
 * answers 201 PENDING_APPROVAL at once, the engine is not called until distinct approvers other than the
 * requester approved it, its quota unit is spent once, a rejection cancels it and frees the lane, and two
 * approvals at once approve it exactly once.
 */
class GovernanceApprovalsEndToEndTest extends AuditTestSupport {
    private static final String POLICIES = "/v1/approval-policies";
    private static final String REQUESTER = "appr.req@example.com";
    private static final String ANN = "appr.ann@example.com";
    private static final String BOB = "appr.bob@example.com";
    private final List<String> declared = new ArrayList<>();

    @AfterEach
    void removePolicies() {
        declared.forEach(id -> send("DELETE", POLICIES + "/" + id, freshAdmin(), null));
    }

    @Test
    void aDeployWaitsForTwoDistinctApprovers_theEngineStartsOnlyAfterTheSecond_andTheQuotaIsSpentOnce() {
        Lane lane = ownedLane();
        requireApprovals(lane, 2);
        String version = registered(lane.service());
        String requester = env.identity.ownerToken(REQUESTER);

        Response accepted = deploy(requester, intent(lane, version));
        assertThat(accepted.status()).as(accepted.body()).isEqualTo(201);
        assertThat(accepted.json().path("state").asText()).isEqualTo("PENDING_APPROVAL");
        String id = accepted.json().path("id").asText();
        assertThat(used(lane)).isEqualTo(1);
        assertThat(get("/v1/deployments/" + id, freshAdmin()).json().path("state").asText())
                .isEqualTo("PENDING_APPROVAL");
        assertThat(texts(get("/v1/deployments/" + id + "/timeline", freshAdmin()).json(), "key"))
                .containsExactly("submitted", "validated", "pending_approval");
        assertThat(executionsOf(id)).as("no engine call before approval").isZero();
        JsonNode waiting = get("/v1/deployments/" + id, freshAdmin()).json().path("approval");
        assertThat(waiting.path("state").asText()).isEqualTo("PENDING");
        assertThat(waiting.path("requiredApprovals").asInt()).isEqualTo(2);
        assertThat(waiting.path("approvers").size()).isEqualTo(3);
        assertThat(waiting.path("approvers").toString()).contains(ANN, BOB);
        assertThat(waiting.path("approvedBy")).isEmpty();
        Response summary = post("/v1/policy/summary", freshAdmin(), Map.of("service", lane.service(),
                "environment", lane.environment(), "recipeId", "default"));
        assertThat(summary.json().path("approval").path("required_approvals").asInt()).isEqualTo(2);

        assertError(post(approve(id), requester, Map.of("reason", "mine")), 403, "SELF_APPROVAL_FORBIDDEN");
        assertError(post(approve(id), env.identity.ownerToken("appr.mallory@example.com"), Map.of()), 403,
                "APPROVER_NOT_ALLOWED");
        assertError(post(approve(id), env.identity.observerToken(), Map.of()), 403, "ROLE_FORBIDDEN");
        Response first = post(approve(id), env.identity.ownerToken(ANN), Map.of("reason", "diff reviewed"));
        assertThat(first.status()).as(first.body()).isEqualTo(200);
        assertThat(first.json().path("state").asText()).isEqualTo("PENDING_APPROVAL");
        Response again = post(approve(id), env.identity.ownerToken(ANN), Map.of());
        assertThat(again.status()).as("the same approver again changes nothing").isEqualTo(200);
        assertThat(executionsOf(id)).isZero();

        Response second = post(approve(id), env.identity.ownerToken(BOB), Map.of());
        assertThat(second.status()).as(second.body()).isEqualTo(200);
        assertThat(second.json().path("state").asText()).isEqualTo("IN_PROGRESS");
        assertThat(awaitTerminal(id).path("state").asText()).isEqualTo("SUCCEEDED");
        assertThat(executionsOf(id)).isEqualTo(1);
        assertThat(used(lane)).as("approval spends nothing more").isEqualTo(1);
        JsonNode approved = get("/v1/deployments/" + id, freshAdmin()).json().path("approval");
        assertThat(approved.path("state").asText()).isEqualTo("APPROVED");
        assertThat(approved.path("approvedBy").toString()).isEqualTo("[\"" + ANN + "\",\"" + BOB + "\"]");
        assertThat(texts(get("/v1/deployments/" + id + "/timeline", freshAdmin()).json(), "key"))
                .startsWith("submitted", "validated", "approved");
        assertThat(get("/v1/insights/dora?service=" + lane.service(), freshAdmin()).json()
                .path("changeGovernance").path("approvalWait").path("samples").asInt()).isEqualTo(1);

        single("event_type=APPROVAL_REQUESTED&limit=500", target(id));
        List<JsonNode> grants = awaitAudit("event_type=APPROVAL_GRANTED&limit=500", target(id), 2);
        assertThat(grants).extracting(g -> g.path("actor_id").asText()).containsExactlyInAnyOrder(ANN, BOB);
        assertError(post(approve(id), env.identity.ownerToken(REQUESTER.replace("req", "late")), Map.of()), 403,
                "APPROVER_NOT_ALLOWED");
    }

    @Test
    void aRejectionCancelsTheDeployment_freesItsLanePlace_andNeedsAReason() {
        Lane lane = ownedLane();
        requireApprovals(lane, 1);
        String first = registered(lane.service());
        String second = registered(lane.service());
        String requester = env.identity.ownerToken(REQUESTER);
        String id = deploy(requester, intent(lane, first)).json().path("id").asText();
        assertError(deploy(requester, intent(lane, second)), 409, "CONCURRENCY_LIMIT_REACHED");

        assertError(post(reject(id), env.identity.ownerToken(ANN), Map.of()), 400, "INVALID_REQUEST");
        Response rejected = post(reject(id), env.identity.ownerToken(ANN), Map.of("reason", "wrong window"));
        assertThat(rejected.status()).as(rejected.body()).isEqualTo(200);
        assertThat(rejected.json().path("state").asText()).isEqualTo("CANCELED");
        assertError(post(approve(id), env.identity.ownerToken(BOB), Map.of()), 409, "APPROVAL_NOT_PENDING");
        assertThat(executionsOf(id)).isZero();
        JsonNode audit = single("event_type=APPROVAL_REJECTED&limit=500", target(id));
        assertThat(audit.path("summary").asText()).contains("wrong window");

        Response next = deploy(requester, intent(lane, second));
        assertThat(next.status()).as(next.body()).isEqualTo(201);
        assertThat(next.json().path("state").asText()).isEqualTo("PENDING_APPROVAL");
    }

    @Test
    void twoApprovalsAtOnce_approveTheDeploymentExactlyOnce() throws Exception {
        Lane lane = ownedLane();
        requireApprovals(lane, 1);
        String id = deploy(env.identity.ownerToken(REQUESTER), intent(lane, registered(lane.service())))
                .json().path("id").asText();
        List<String> approvers = List.of(env.identity.ownerToken(ANN), env.identity.ownerToken(BOB));

        List<Response> answers = Parallel.run(2, i -> post(approve(id), approvers.get(i), Map.of()));

        assertThat(Parallel.count(answers, 200)).as(answers.toString()).isEqualTo(1);
        answers.stream().filter(a -> a.status() != 200)
                .forEach(a -> assertError(a, 409, "APPROVAL_NOT_PENDING"));
        assertThat(awaitTerminal(id).path("state").asText()).isEqualTo("SUCCEEDED");
        Integer approvedEvents = jdbc.queryForObject("SELECT COUNT(*) FROM domainevententry WHERE aggregateidentifier "
                + "= ? AND payloadtype LIKE '%DeploymentApproved'", Integer.class, id);
        assertThat(approvedEvents).isEqualTo(1);
        assertThat(executionsOf(id)).isEqualTo(1);
    }

    /**
     * The smallest time limit is a minute, so this test waits one: approvals from two approvers land just
     * before and just after the limit while the saga's expiry deadline fires at it. Whatever the interleaving,
     * the deployment is approved or expired, never both, and the answers say which.
     */
    @Test
    void anApprovalRacingTheExpiry_hasExactlyOneOutcome() throws Exception {
        Lane lane = ownedLane();
        Map<String, Object> oneMinute = body(unique("race").toLowerCase(), lane, 1);
        oneMinute.put("expires_after_minutes", 1);
        Response policy = post(POLICIES, freshAdmin(), oneMinute);
        assertThat(policy.status()).as(policy.body()).isEqualTo(201);
        declared.add(policy.json().path("id").asText());
        String id = deploy(env.identity.ownerToken(REQUESTER), intent(lane, registered(lane.service())))
                .json().path("id").asText();
        java.time.Instant limit = java.time.Instant.parse(get("/v1/deployments/" + id, freshAdmin()).json()
                .path("approval").path("expiresAt").asText());
        List<String> approvers = List.of(env.identity.ownerToken(ANN), env.identity.ownerToken(BOB));
        sleep(Math.max(0, java.time.Duration.between(java.time.Instant.now(), limit).toMillis() - 60));

        List<Response> answers = Parallel.run(2, i -> {
            sleep(i * 120L);
            return post(approve(id), approvers.get(i), Map.of());
        });

        String state = awaitTerminal(id).path("state").asText();
        int approved = count(id, "DeploymentApproved");
        int expired = count(id, "DeploymentApprovalExpired");
        assertThat(approved + expired).as(answers.toString()).isEqualTo(1);
        if (approved == 1) {
            assertThat(state).isEqualTo("SUCCEEDED");
            assertThat(Parallel.count(answers, 200)).as(answers.toString()).isEqualTo(1);
        } else {
            assertThat(state).isEqualTo("CANCELED");
            assertThat(Parallel.count(answers, 200)).as(answers.toString()).isZero();
            assertThat(executionsOf(id)).isZero();
        }
        answers.stream().filter(a -> a.status() != 200).forEach(a -> assertThat(a.json().path("code").asText())
                .isIn("APPROVAL_NOT_PENDING", "APPROVAL_EXPIRED"));
    }

    private int count(String deploymentId, String eventType) {
        Integer count = jdbc.queryForObject("SELECT COUNT(*) FROM domainevententry WHERE aggregateidentifier = ? "
                + "AND payloadtype LIKE ?", Integer.class, deploymentId, "%$" + eventType);
        return count == null ? 0 : count;
    }

    @Test
    void policiesAreValidated_oneAGroupAndEnvironment_andReadableByEveryone() {
        Lane lane = ownedLane();
        JsonNode policy = requireApprovals(lane, 2);
        assertThat(policy.path("expires_after_minutes").asLong()).isEqualTo(30);
        assertError(post(POLICIES, freshAdmin(), body(unique("dup").toLowerCase(), lane, 1)), 409,
                "APPROVAL_POLICY_EXISTS");
        Map<String, Object> tooMany = body(unique("many").toLowerCase(), lane, 11);
        tooMany.put("environment", null);
        assertError(post(POLICIES, freshAdmin(), tooMany), 400, "INVALID_REQUEST");
        assertError(post(POLICIES, env.identity.ownerToken(ANN), body("x", lane, 1)), 403, "ROLE_FORBIDDEN");
        Response listed = get(POLICIES, env.identity.observerToken());
        assertThat(texts(listed.json(), "id")).contains(policy.path("id").asText());
        single("event_type=ADMIN_CREATE&limit=500", target(policy.path("id").asText()));
    }

    private JsonNode requireApprovals(Lane lane, int count) {
        Response created = post(POLICIES, freshAdmin(), body(unique("appr").toLowerCase(), lane, count));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        declared.add(created.json().path("id").asText());
        return created.json();
    }

    private static Map<String, Object> body(String id, Lane lane, int count) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("id", id);
        body.put("delivery_group_id", lane.group());
        body.put("environment", lane.environment());
        body.put("required_approvals", count);
        body.put("expires_after_minutes", 30);
        return body;
    }

    /** A lane whose group is owned by the requester and both approvers. */
    private Lane ownedLane() {
        Lane lane = laneOfItsOwn();
        ObjectNode update = get("/v1/delivery-groups/" + lane.group(), freshAdmin()).json().deepCopy();
        update.put("owner", String.join(", ", REQUESTER, ANN, BOB));
        update.remove(List.of("created_at", "created_by", "updated_at", "updated_by", "last_change_reason"));
        Response updated = put("/v1/delivery-groups/" + lane.group(), freshAdmin(), update);
        assertThat(updated.status()).as(updated.body()).isEqualTo(200);
        return lane;
    }

    private int used(Lane lane) {
        Response summary = post("/v1/policy/summary", freshAdmin(), Map.of("service", lane.service(),
                "environment", lane.environment(), "recipeId", "default"));
        assertThat(summary.status()).as(summary.body()).isEqualTo(200);
        return summary.json().path("policy").path("deployments_used").asInt();
    }

    private static String approve(String id) {
        return "/v1/deployments/" + id + "/approve";
    }

    private static String reject(String id) {
        return "/v1/deployments/" + id + "/reject";
    }
}
