package dev.dxcp.server.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dxcp.testsupport.http.TestHttp;
import dev.dxcp.testsupport.http.TestHttp.Response;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;

import static org.assertj.core.api.Assertions.assertThat;

/** Helpers of the audit tests: reading the audit, the replay stream and the event table. */
abstract class AuditTestSupport extends DeploymentTestSupport {

    /** An admin whose every identity claim is known, so the audit's copies of them can be checked. */
    protected record Admin(String sub, String email, String azp, String token) {
    }

    protected Admin namedAdmin() {
        String sub = "audit-admin-" + UUID.randomUUID();
        String email = sub + "@example.com";
        String azp = "audit-console";
        return new Admin(sub, email, azp,
                env.identity.token().sub(sub).email(email).azp(azp).roles("dxcp-platform-admins").sign());
    }

    /** A service in a delivery group of its own, deploying to an environment of its own. */
    protected record Lane(String service, String group, String environment) {
    }

    /**
     * Deployments here stay out of {@code sandbox}: configuration tests that run later count what
     * references sandbox, and a deployment record is such a reference.
     */
    protected Lane laneOfItsOwn() {
        String service = serviceInOwnGroup(null, null);
        String group = "grp-" + service;
        String environment = unique("audit-lane").toLowerCase();
        Response created = post("/v1/environments", freshAdmin(), Map.of("environment_id", environment,
                "type", "non_prod"));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        ObjectNode update = get("/v1/delivery-groups/" + group, freshAdmin()).json().deepCopy();
        update.putArray("allowed_environments").add(environment);
        update.remove(List.of("created_at", "created_by", "updated_at", "updated_by", "last_change_reason"));
        Response updated = put("/v1/delivery-groups/" + group, freshAdmin(), update);
        assertThat(updated.status()).as(updated.body()).isEqualTo(200);
        return new Lane(service, group, environment);
    }

    protected static Map<String, Object> intent(Lane lane, String version) {
        Map<String, Object> intent = intent(lane.service(), version);
        intent.put("environment", lane.environment());
        return intent;
    }

    /** Deploys the version into the lane and waits for SUCCEEDED; answers the record id. */
    protected String deployedSuccessfully(String token, Lane lane, String version) {
        Response response = deploy(token, intent(lane, version));
        assertThat(response.status()).as(response.body()).isEqualTo(201);
        String id = response.json().path("id").asText();
        assertThat(awaitTerminal(id).path("state").asText()).isEqualTo("SUCCEEDED");
        return id;
    }

    protected JsonNode auditEvents(String query) {
        Response response = get("/v1/audit/events" + (query.isEmpty() ? "" : "?" + query), freshAdmin());
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return response.json();
    }

    /** The entries matching the query and the predicate; polls briefly, since denials are recorded asynchronously. */
    protected List<JsonNode> awaitAudit(String query, Predicate<JsonNode> wanted, int count) {
        long deadline = System.currentTimeMillis() + 5_000;
        List<JsonNode> found = List.of();
        while (System.currentTimeMillis() < deadline) {
            found = new ArrayList<>();
            for (JsonNode entry : auditEvents(query)) {
                if (wanted.test(entry)) {
                    found.add(entry);
                }
            }
            if (found.size() >= count) {
                return found;
            }
            sleep(50);
        }
        throw new AssertionError("expected " + count + " audit entries for " + query + ", found " + found);
    }

    protected JsonNode single(String query, Predicate<JsonNode> wanted) {
        List<JsonNode> found = awaitAudit(query, wanted, 1);
        assertThat(found).as(found.toString()).hasSize(1);
        return found.get(0);
    }

    protected static Predicate<JsonNode> target(String targetId) {
        return entry -> targetId.equals(entry.path("target_id").asText());
    }

    protected Response replayResponse(String query) {
        return TestHttp.get(url("/v1/audit/replay?" + query), freshAdmin());
    }

    /** The replay's lines: events, then the trailer {"next_after","limit_reached"}. */
    protected List<JsonNode> replay(String query) {
        Response response = replayResponse(query);
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        List<JsonNode> lines = new ArrayList<>();
        for (String line : response.body().split("\n")) {
            lines.add(parse(line));
        }
        assertThat(lines).isNotEmpty();
        assertThat(lines.get(lines.size() - 1).has("next_after")).as("trailer").isTrue();
        return lines;
    }

    protected static List<JsonNode> events(List<JsonNode> lines) {
        return lines.subList(0, lines.size() - 1);
    }

    protected static JsonNode trailer(List<JsonNode> lines) {
        return lines.get(lines.size() - 1);
    }

    protected long headPosition() {
        Long max = jdbc.queryForObject("SELECT COALESCE(MAX(globalindex), 0) FROM domainevententry", Long.class);
        return max == null ? 0 : max;
    }

    private static JsonNode parse(String line) {
        try {
            return TestHttp.JSON.readTree(line);
        } catch (Exception e) {
            throw new AssertionError("not a JSON line: " + line, e);
        }
    }
}
