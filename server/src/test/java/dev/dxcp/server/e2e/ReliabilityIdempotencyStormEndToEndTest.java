package dev.dxcp.server.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import dev.dxcp.gatesim.control.Outcome;
import dev.dxcp.testsupport.http.TestHttp;
import dev.dxcp.testsupport.http.TestHttp.Response;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Reliability, idempotency storm: 50 simultaneous requests under one Idempotency-Key per mutating
 * endpoint. Identical requests have exactly one effect (one record, one engine execution) and every
 * other answer is a replay of the same body; different bodies under one key have exactly one winner
 * and every other answer is the endpoint's conflict code.
 */
class ReliabilityIdempotencyStormEndToEndTest extends PromotionTestSupport {
    private static final int STORM = 50;
    private static final String CAPABILITIES = "/v1/builds/upload-capability";
    /** The upload tests' service (UploadCapabilityTestSupport); versions here are unique, so they never meet. */
    private static final String UPLOAD_SERVICE = "e2e-svc-8";

    @AfterEach
    void clearOutcomes() {
        env.gate.outcomes().clear();
        cancelUnfinishedExecutions();
    }

    @Test
    void identicalRegistrationsRegisterOnce() throws Exception {
        Map<String, Object> body = buildBody("e2e-svc-7", uniqueVersion());
        String key = UUID.randomUUID().toString();
        String ci = ci("storm");

        List<Response> answers = Parallel.run(STORM, i -> register(ci, key, body));

        assertOneEffectRestReplays(answers, 201);
        Response stored = get("/v1/builds?service=e2e-svc-7&version=" + body.get("version"), admin());
        assertThat(stored.json().path("id").asText()).isEqualTo(answers.get(0).json().path("id").asText());
        assertThat(registrationEvents("e2e-svc-7", (String) body.get("version"))).isEqualTo(1);
    }

    @Test
    void differentRegistrationsUnderOneKeyHaveOneWinner() throws Exception {
        String key = UUID.randomUUID().toString();
        String ci = ci("storm");
        List<Map<String, Object>> bodies = new java.util.ArrayList<>();
        for (int i = 0; i < STORM; i++) {
            bodies.add(buildBody("e2e-svc-7", uniqueVersion()));
        }

        List<Response> answers = Parallel.run(STORM, i -> register(ci, key, bodies.get(i)));

        assertThat(Parallel.count(answers, 201)).as(statuses(answers)).isEqualTo(1);
        assertThat(answers.stream().filter(r -> r.status() != 201)).hasSize(STORM - 1)
                .allSatisfy(r -> assertError(r, 409, "BUILD_REGISTRATION_CONFLICT"));
        long registered = bodies.stream()
                .filter(b -> registrationEvents("e2e-svc-7", (String) b.get("version")) == 1).count();
        assertThat(registered).isEqualTo(1);
    }

    @Test
    void identicalDeploysStartOneExecution() throws Exception {
        String service = serviceInOwnGroup(null, Map.of("max_concurrent_deployments", 1, "daily_deploy_quota", 100));
        env.gate.outcomes().forParameter("service", service, Outcome.hang());
        Map<String, Object> intent = intent(service, registered(service));
        String owner = env.identity.ownerToken("storm@example.com");
        String key = UUID.randomUUID().toString();

        List<Response> answers = Parallel.run(STORM, i -> post("/v1/deployments", owner, intent,
                "Idempotency-Key", key));

        assertOneEffectRestReplays(answers, 201);
        String id = answers.get(0).json().path("id").asText();
        assertThat(get("/v1/deployments?service=" + service, admin()).json()).hasSize(1);
        assertThat(executionsOf(id)).isEqualTo(1);
        JsonNode policy = post("/v1/policy/summary", owner, Map.of("service", service, "environment", "sandbox"))
                .json().path("policy");
        assertThat(policy.path("deployments_used").asInt()).as("one quota unit used").isEqualTo(1);
    }

    @Test
    void differentDeploysUnderOneKeyHaveOneWinner() throws Exception {
        String service = serviceInOwnGroup(null, Map.of("max_concurrent_deployments", 50, "daily_deploy_quota", 100));
        env.gate.outcomes().forParameter("service", service, Outcome.hang());
        String version = registered(service);
        String owner = env.identity.ownerToken("storm.conflict@example.com");
        String key = UUID.randomUUID().toString();

        List<Response> answers = Parallel.run(STORM, i -> {
            Map<String, Object> intent = intent(service, version);
            intent.put("changeSummary", "attempt " + i);
            return post("/v1/deployments", owner, intent, "Idempotency-Key", key);
        });

        assertThat(Parallel.count(answers, 201)).as(statuses(answers)).isEqualTo(1);
        assertThat(answers.stream().filter(r -> r.status() != 201)).hasSize(STORM - 1)
                .allSatisfy(r -> assertError(r, 409, "IDEMPOTENCY_CONFLICT"));
        assertThat(get("/v1/deployments?service=" + service, admin()).json()).hasSize(1);
        assertThat(env.gate.executions().stream().filter(e -> service.equals(
                e.path("trigger").path("parameters").path("service").asText()))).hasSize(1);
    }

    @Test
    void identicalRollbacksRollBackOnce() throws Exception {
        String service = serviceInOwnGroup(null, Map.of("max_concurrent_deployments", 1, "daily_rollback_quota", 100));
        String owner = env.identity.ownerToken("storm.rollback@example.com");
        deployedSuccessfully(owner, service, registered(service));
        String second = deployedSuccessfully(owner, service, registered(service));
        env.gate.outcomes().forParameter("service", service, Outcome.hang());
        String key = UUID.randomUUID().toString();

        List<Response> answers = Parallel.run(STORM, i -> TestHttp.send("POST",
                url("/v1/deployments/" + second + "/rollback"), owner, null, "Idempotency-Key", key));

        assertThat(Parallel.count(answers, 201)).as(statuses(answers)).isEqualTo(STORM);
        assertThat(new HashSet<>(answers.stream().map(Response::body).toList())).hasSize(1);
        String rollbackId = answers.get(0).json().path("id").asText();
        JsonNode history = get("/v1/deployments?service=" + service, admin()).json();
        assertThat(texts(history, "deploymentKind").stream().filter("ROLLBACK"::equals)).hasSize(1);
        assertThat(executionsOf(rollbackId)).isEqualTo(1);
    }

    @Test
    void identicalPublisherSavesLeaveOneList() throws Exception {
        String key = UUID.randomUUID().toString();
        String admin = freshAdmin();
        Map<String, Object> body = Map.of("publishers", List.of(
                Map.of("name", "e2e-ci", "provider", "custom", "subject_prefixes", List.of(CI_PREFIX)),
                Map.of("name", "storm-ci", "provider", "github", "subjects", List.of("storm-subject"))));

        List<Response> answers = Parallel.run(STORM, i -> put("/v1/admin/system/ci-publishers", admin, body,
                "Idempotency-Key", key));

        assertThat(Parallel.count(answers, 200)).as(statuses(answers)).isEqualTo(STORM);
        JsonNode saved = get("/v1/admin/system/ci-publishers", admin()).json().path("publishers");
        assertThat(texts(saved, "name")).containsExactly("e2e-ci", "storm-ci");
        restoreBaseline();
    }

    @Test
    void identicalCapabilityRequestsIssueOne() throws Exception {
        Map<String, Object> announcement = announcement(uniqueVersion(), 4096, sha());
        String key = UUID.randomUUID().toString();
        String ci = ci("storm-capability");
        int issued = eventsOfType("UploadCapabilityIssued");

        List<Response> answers = Parallel.run(STORM, i -> post(CAPABILITIES, ci, announcement,
                "Idempotency-Key", key));

        assertOneEffectRestReplays(answers, 201);
        assertThat(eventsOfType("UploadCapabilityIssued")).isEqualTo(issued + 1);
    }

    @Test
    void differentCapabilityRequestsUnderOneKeyHaveOneWinner() throws Exception {
        String key = UUID.randomUUID().toString();
        String ci = ci("storm-capability-conflict");
        int issued = eventsOfType("UploadCapabilityIssued");

        List<Response> answers = Parallel.run(STORM, i -> post(CAPABILITIES, ci,
                announcement(uniqueVersion(), 4096, sha()), "Idempotency-Key", key));

        assertThat(Parallel.count(answers, 201)).as(statuses(answers)).isEqualTo(1);
        assertThat(answers.stream().filter(r -> r.status() != 201)).hasSize(STORM - 1)
                .allSatisfy(r -> assertError(r, 409, "IDEMPOTENCY_CONFLICT"));
        assertThat(eventsOfType("UploadCapabilityIssued")).isEqualTo(issued + 1);
    }

    @Test
    void identicalUploadedBuildsRegisterOnceAndUseTheCapabilityOnce() throws Exception {
        String version = uniqueVersion();
        String sha = sha();
        String ci = ci("storm-upload");
        Response capability = post(CAPABILITIES, ci, announcement(version, 4096, sha), "Idempotency-Key",
                UUID.randomUUID().toString());
        assertThat(capability.status()).as(capability.body()).isEqualTo(201);
        Map<String, Object> build = buildBody(UPLOAD_SERVICE, version);
        build.put("sha256", sha);
        build.put("sizeBytes", 4096);
        build.put("contentType", "application/zip");
        String key = UUID.randomUUID().toString();
        int consumed = eventsOfType("UploadCapabilityConsumed");

        List<Response> answers = Parallel.run(STORM, i -> post("/v1/builds", ci, build, "Idempotency-Key", key));

        assertOneEffectRestReplays(answers, 201);
        assertThat(registrationEvents(UPLOAD_SERVICE, version)).isEqualTo(1);
        assertThat(eventsOfType("UploadCapabilityConsumed")).isEqualTo(consumed + 1);
    }

    @Test
    void identicalPromotionsPromoteOnce() throws Exception {
        String ownerEmail = "storm.promotion@example.com";
        Path path = promotablePath(ownerEmail, null);
        String owner = env.identity.ownerToken(ownerEmail);
        String version = registered(path.service());
        deployedSuccessfully(owner, path.service(), version);
        env.gate.outcomes().forParameter("service", path.service(), Outcome.hang());
        Map<String, Object> body = promotion(path.service(), "sandbox", path.target(), version);
        String key = UUID.randomUUID().toString();

        List<Response> answers = Parallel.run(STORM, i -> post(PROMOTIONS, owner, body, "Idempotency-Key", key));

        assertOneEffectRestReplays(answers, 201);
        String id = answers.get(0).json().path("id").asText();
        JsonNode history = get("/v1/deployments?service=" + path.service(), admin()).json();
        assertThat(texts(history, "deploymentKind").stream().filter("PROMOTE"::equals)).hasSize(1);
        assertThat(executionsOf(id)).isEqualTo(1);
    }

    @Test
    void differentPromotionsUnderOneKeyHaveOneWinner() throws Exception {
        String ownerEmail = "storm.promotion.conflict@example.com";
        Path path = promotablePath(ownerEmail, Map.of("max_concurrent_deployments", 50));
        String owner = env.identity.ownerToken(ownerEmail);
        String version = registered(path.service());
        deployedSuccessfully(owner, path.service(), version);
        env.gate.outcomes().forParameter("service", path.service(), Outcome.hang());
        String key = UUID.randomUUID().toString();

        List<Response> answers = Parallel.run(STORM, i -> {
            Map<String, Object> body = promotion(path.service(), "sandbox", path.target(), version);
            body.put("changeSummary", "promotion attempt " + i);
            return post(PROMOTIONS, owner, body, "Idempotency-Key", key);
        });

        assertThat(Parallel.count(answers, 201)).as(statuses(answers)).isEqualTo(1);
        assertThat(answers.stream().filter(r -> r.status() != 201)).hasSize(STORM - 1)
                .allSatisfy(r -> assertError(r, 409, "IDEMPOTENCY_CONFLICT"));
        JsonNode history = get("/v1/deployments?service=" + path.service(), admin()).json();
        assertThat(texts(history, "deploymentKind").stream().filter("PROMOTE"::equals)).hasSize(1);
    }

    private static Map<String, Object> announcement(String version, long size, String sha) {
        Map<String, Object> body = new java.util.LinkedHashMap<>();
        body.put("service", UPLOAD_SERVICE);
        body.put("version", version);
        body.put("expectedSizeBytes", size);
        body.put("expectedSha256", sha);
        body.put("contentType", "application/zip");
        return body;
    }

    private static String sha() {
        return (UUID.randomUUID().toString() + UUID.randomUUID()).replace("-", "");
    }

    /** Exactly one first answer (Idempotency-Replayed: false), the rest replays of the same status and body. */
    private static void assertOneEffectRestReplays(List<Response> answers, int status) {
        assertThat(Parallel.count(answers, status)).as(statuses(answers)).isEqualTo(STORM);
        assertThat(answers.stream().filter(r -> "false".equals(r.header("Idempotency-Replayed").orElse(null))))
                .hasSize(1);
        assertThat(answers.stream().filter(r -> "true".equals(r.header("Idempotency-Replayed").orElse(null))))
                .hasSize(STORM - 1);
        Set<String> bodies = new HashSet<>(answers.stream().map(Response::body).toList());
        assertThat(bodies).as("every replay carries the stored body").hasSize(1);
    }

    private int registrationEvents(String service, String version) {
        Integer count = jdbc.queryForObject("SELECT COUNT(*) FROM domainevententry WHERE payloadtype LIKE "
                + "'%BuildRegistered' AND convert_from(payload, 'UTF8') LIKE ? AND convert_from(payload, 'UTF8') "
                + "LIKE ?", Integer.class, "%\"service\":\"" + service + "\"%", "%\"version\":\"" + version + "\"%");
        return count == null ? 0 : count;
    }


    private static String statuses(List<Response> answers) {
        return answers.stream().map(r -> r.status() + " " + r.body()).distinct().toList().toString();
    }
}
