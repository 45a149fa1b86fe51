package dev.dxcp.server.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dxcp.testsupport.http.TestHttp;
import dev.dxcp.testsupport.http.TestHttp.Response;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Helpers for deployment tests: each test gets its own service in its own delivery group (taken out
 * of the seeded default group), registers builds of it and deploys them through the real engine path
 * (the Gate simulator). Services e2e-svc-10..49 and 61..N are reserved for these tests (50..60 belong to
 * the configuration tests).
 */
abstract class DeploymentTestSupport extends EndToEndTest {
    private static int nextService = 10;

    /** A service of its own, in a new delivery group with these owner emails and guardrails. */
    protected synchronized String serviceInOwnGroup(String owner, Map<String, Object> guardrails) {
        if (nextService == 50) {
            nextService = 61;
        }
        String service = "e2e-svc-" + nextService++;
        assertThat(nextService).as("deployment tests ran out of reserved services")
                .isLessThanOrEqualTo(DxcpTestEnvironment.REGISTRY_SERVICES + 1);
        moveOutOfDefault(service);
        Map<String, Object> group = new LinkedHashMap<>();
        group.put("id", "grp-" + service);
        group.put("name", "Group of " + service);
        group.put("services", List.of(service));
        group.put("allowed_recipes", List.of("default", "canary", "bluegreen"));
        if (owner != null) {
            group.put("owner", owner);
        }
        if (guardrails != null) {
            group.put("guardrails", guardrails);
        }
        Response created = post("/v1/delivery-groups", freshAdmin(), group);
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return service;
    }

    private void moveOutOfDefault(String service) {
        JsonNode current = get("/v1/delivery-groups/default", admin()).json();
        ObjectNode update = current.deepCopy();
        ArrayNode services = update.putArray("services");
        current.path("services").forEach(s -> {
            if (!s.asText().equals(service)) {
                services.add(s.asText());
            }
        });
        update.remove(List.of("created_at", "created_by", "updated_at", "updated_by", "last_change_reason"));
        Response response = put("/v1/delivery-groups/default", freshAdmin(), update);
        assertThat(response.status()).as(response.body()).isEqualTo(200);
    }

    /** Registers a build of the service through the CI path and answers its version. */
    protected String registered(String service) {
        String version = uniqueVersion();
        Response response = register(ci("deployer"), UUID.randomUUID().toString(), buildBody(service, version));
        assertThat(response.status()).as(response.body()).isEqualTo(201);
        return version;
    }

    protected static Map<String, Object> intent(String service, String version) {
        Map<String, Object> intent = new LinkedHashMap<>();
        intent.put("service", service);
        intent.put("environment", "sandbox");
        intent.put("version", version);
        intent.put("changeSummary", "deploy " + version);
        intent.put("recipeId", "default");
        return intent;
    }

    protected Response deploy(String token, Map<String, Object> intent) {
        return post("/v1/deployments", token, intent, "Idempotency-Key", UUID.randomUUID().toString());
    }

    protected Response rollback(String token, String deploymentId) {
        return TestHttp.send("POST", url("/v1/deployments/" + deploymentId + "/rollback"), token, null,
                "Idempotency-Key", UUID.randomUUID().toString());
    }

    /** Polls the record (as admin) until it is terminal; answers the last record seen. */
    protected JsonNode awaitTerminal(String deploymentId) {
        long deadline = System.currentTimeMillis() + 15_000;
        JsonNode record = null;
        while (System.currentTimeMillis() < deadline) {
            record = get("/v1/deployments/" + deploymentId, admin()).json();
            String state = record.path("state").asText();
            if (List.of("SUCCEEDED", "FAILED", "CANCELED", "ROLLED_BACK").contains(state)) {
                return record;
            }
            sleep(50);
        }
        throw new AssertionError("deployment " + deploymentId + " did not finish: " + record);
    }

    /** Deploys the version and waits for SUCCEEDED; answers the record id. */
    protected String deployedSuccessfully(String token, String service, String version) {
        Response response = deploy(token, intent(service, version));
        assertThat(response.status()).as(response.body()).isEqualTo(201);
        String id = response.json().path("id").asText();
        assertThat(awaitTerminal(id).path("state").asText()).isEqualTo("SUCCEEDED");
        return id;
    }

    /**
     * Cancels every execution still running or queued in the simulated Gate, through its cancel API:
     * DXCP pipelines run one at a time, so a test that hangs one would block every later test.
     */
    protected void cancelUnfinishedExecutions() {
        for (JsonNode execution : env.gate.executions()) {
            String status = execution.path("status").asText();
            if (status.equals("RUNNING") || status.equals("NOT_STARTED")) {
                TestHttp.send("PUT", env.gate.baseUrl() + "/pipelines/" + execution.path("id").asText()
                        + "/cancel?reason=test%20cleanup", null, null);
            }
        }
    }

    /** Executions the simulated Gate holds for this deployment (triggers carry its id). */
    protected static long executionsOf(String deploymentId) {
        return env.gate.executions().stream()
                .filter(e -> deploymentId.equals(e.path("trigger").path("dxcpDeploymentId").asText())).count();
    }

    protected int deniedEvents(String code) {
        Integer count = jdbc.queryForObject("SELECT COUNT(*) FROM domainevententry WHERE payloadtype LIKE "
                + "'%DeploymentDenied' AND convert_from(payload, 'UTF8') LIKE ?", Integer.class,
                "%\"code\":\"" + code + "\"%");
        return count == null ? 0 : count;
    }

    protected static List<String> texts(JsonNode array, String field) {
        List<String> values = new ArrayList<>();
        array.forEach(item -> values.add(item.path(field).asText()));
        return values;
    }

    protected static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
