package dev.dxcp.server.cluster;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dxcp.server.process.LoadFixtures;
import dev.dxcp.server.process.ServerProcess;
import dev.dxcp.testsupport.http.TestHttp;
import dev.dxcp.testsupport.http.TestHttp.Response;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/** What the cluster scenarios set up through the API: services in groups of their own, builds, deploys. */
final class ClusterFixtures {
    private static final AtomicInteger SEQUENCE = new AtomicInteger();
    private final Cluster cluster;

    ClusterFixtures(Cluster cluster) {
        this.cluster = cluster;
    }

    String admin() {
        return cluster.env.identity.token().sub("admin-" + UUID.randomUUID()).roles("dxcp-platform-admins").sign();
    }

    String ci(String name) {
        return cluster.env.identity.ciToken(Cluster.CI_PREFIX + name);
    }

    static String uniqueVersion() {
        return "4." + SEQUENCE.incrementAndGet() + "." + (System.nanoTime() % 1_000_000);
    }

    Map<String, Object> buildBody(String service, String version) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("service", service);
        body.put("version", version);
        body.put("artifactRef", cluster.env.publish(service, version));
        body.put("git_sha", "0123456789abcdef0123456789abcdef01234567");
        body.put("git_branch", "main");
        body.put("ci_provider", "github");
        body.put("ci_run_id", "run-" + version);
        body.put("built_at", "2026-03-01T00:00:00Z");
        return body;
    }

    Response register(ServerProcess instance, String token, String key, Map<String, Object> body) {
        return TestHttp.post(instance.url("/v1/builds/register"), token, body, "Idempotency-Key", key);
    }

    /** A build of the service registered through the next instance; answers its version. */
    String registered(String service) {
        String version = uniqueVersion();
        Response response = register(cluster.next(), ci("deployer"), UUID.randomUUID().toString(),
                buildBody(service, version));
        assertThat(response.status()).as(response.body()).isEqualTo(201);
        return version;
    }

    /**
     * The owners the scenarios deploy as. A new installation scopes changes to a group's owners (owner-scoped
     * changes, docs/GOVERNANCE.md), so every group the scenarios deploy into lists them.
     */
    static final String OWNERS = String.join(", ", "cluster.crash@example.com", "cluster.quota@example.com",
            "cluster.racer@example.com", "cluster.reader@example.com", "cluster.rolling@example.com");

    /**
     * Registry services moved out of the default group in one change, each into a group of its own with
     * the given guardrails (groups created side by side); answers the services in the same order.
     */
    List<String> servicesInOwnGroups(List<Map<String, Object>> guardrails) throws Exception {
        List<String> moved = new java.util.ArrayList<>();
        for (int i = 0; i < guardrails.size(); i++) {
            moved.add("e2e-svc-" + (i + 1));
        }
        JsonNode current = TestHttp.get(cluster.next().url("/v1/delivery-groups/default"), admin()).json();
        ObjectNode update = current.deepCopy();
        ArrayNode services = update.putArray("services");
        current.path("services").forEach(s -> {
            if (!moved.contains(s.asText())) {
                services.add(s.asText());
            }
        });
        update.remove(List.of("created_at", "created_by", "updated_at", "updated_by", "last_change_reason"));
        update.put("owner", OWNERS);
        Response changed = TestHttp.put(cluster.next().url("/v1/delivery-groups/default"), admin(), update);
        assertThat(changed.status()).as(changed.body()).isEqualTo(200);
        String admin = admin();
        List<Response> created = dev.dxcp.server.e2e.Parallel.run(moved.size(), i -> {
            Map<String, Object> group = new LinkedHashMap<>();
            group.put("id", "grp-" + moved.get(i));
            group.put("name", "Group of " + moved.get(i));
            group.put("services", List.of(moved.get(i)));
            group.put("owner", OWNERS);
            group.put("allowed_recipes", List.of("default", "canary", LoadFixtures.PARALLEL_RECIPE));
            group.put("guardrails", guardrails.get(i));
            return TestHttp.post(cluster.instance(i).url("/v1/delivery-groups"), admin, group);
        });
        assertThat(created).allSatisfy(r -> assertThat(r.status()).as(r.body()).isEqualTo(201));
        return moved;
    }

    static Map<String, Object> intent(String service, String version) {
        Map<String, Object> intent = new LinkedHashMap<>();
        intent.put("service", service);
        intent.put("environment", "sandbox");
        intent.put("version", version);
        intent.put("changeSummary", "cluster deploy " + version);
        intent.put("recipeId", LoadFixtures.PARALLEL_RECIPE);
        return intent;
    }

    Response deploy(ServerProcess instance, String token, Map<String, Object> intent) {
        return TestHttp.post(instance.url("/v1/deployments"), token, intent, "Idempotency-Key",
                UUID.randomUUID().toString());
    }

    /** BuildRegistered events for the service and version, counted in the event store itself. */
    long buildRegisteredEvents(String service, String version) {
        return cluster.query("SELECT count(*) AS n FROM domainevententry WHERE payloadtype LIKE '%BuildRegistered'"
                + " AND convert_from(payload, 'UTF8') LIKE ? AND convert_from(payload, 'UTF8') LIKE ?",
                "%\"" + service + "\"%", "%\"" + version + "\"%").stream()
                .map(row -> ((Number) row.get("n")).longValue()).findFirst().orElse(0L);
    }

    static String bodies(List<Response> responses) {
        return responses.stream().map(r -> r.status() + " " + r.body()).toList().toString();
    }
}
