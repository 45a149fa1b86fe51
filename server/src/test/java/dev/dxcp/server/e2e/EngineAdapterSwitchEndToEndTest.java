package dev.dxcp.server.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import dev.dxcp.gatesim.GateSimulator;
import dev.dxcp.gatesim.control.AuthMode;
import dev.dxcp.gatesim.control.GateSimulatorConfig;
import dev.dxcp.testsupport.http.TestHttp;
import dev.dxcp.testsupport.http.TestHttp.Response;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A saved engine adapter takes effect at once: the next deployment goes to the Gate it names, with its
 * credentials, and every write is audited key by key without the secret (governance §14 engine_adapter.*).
 */
class EngineAdapterSwitchEndToEndTest extends EngineAdapterTestSupport {

    @Test
    void theNextDeploymentGoesToTheNewlyConfiguredGateWithItsCredential() {
        String token = "gate-token-" + UUID.randomUUID();
        // A Gate that turns away every API call without this bearer token: only the saved header gets through.
        GateSimulator second = GateSimulator.start(GateSimulatorConfig.builder().port(0)
                .stageDelay(Duration.ofMillis(40)).startDelay(Duration.ofMillis(10))
                .authMode(AuthMode.UNAUTHORIZED_401).bearerToken(token, "dxcp-engine").build());
        try {
            Lane lane = laneOfItsOwn();
            JsonNode saved = saved(staticHeader(second.baseUrl(), "Authorization", "Bearer " + token));
            assertThat(saved.path("config").path("gate_url").asText()).isEqualTo(second.baseUrl());

            String key = UUID.randomUUID().toString();
            JsonNode record = deployedUnder(key, lane);
            assertThat(record.path("engineExecutionUrl").asText()).startsWith(second.baseUrl());
            assertThat(second.triggerCountByIdempotencyKey(key)).isEqualTo(1);
            assertThat(env.gate.triggerCountByIdempotencyKey(key)).isZero();

            JsonNode back = saved(http(env.gate.baseUrl()));
            assertThat(back.path("config").path("header_value_configured").asBoolean()).isFalse();
            String nextKey = UUID.randomUUID().toString();
            deployedUnder(nextKey, lane);
            assertThat(env.gate.triggerCountByIdempotencyKey(nextKey)).isEqualTo(1);
            assertThat(second.triggerCountByIdempotencyKey(nextKey)).isZero();
        } finally {
            put(ADAPTER, freshAdmin(), http(env.gate.baseUrl()));
            second.stop();
        }
    }

    @Test
    void stubModeRunsDeploymentsOnASimulatorInsideTheServer() {
        Lane lane = laneOfItsOwn();
        JsonNode saved = saved(Map.of("mode", "stub"));
        assertThat(saved.path("config").path("mode").asText()).isEqualTo("stub");
        assertThat(saved.path("config").path("gate_url").isNull()).isTrue();

        String key = UUID.randomUUID().toString();
        JsonNode record = deployedUnder(key, lane);
        assertThat(record.path("engineExecutionUrl").asText()).startsWith("http://").doesNotStartWith(env.gate.baseUrl());
        assertThat(env.gate.triggerCountByIdempotencyKey(key)).isZero();
    }

    @Test
    void everyWriteIsAuditedPerKeyItSetsAndSecretsOnlyAsConfigured() throws Exception {
        Admin admin = namedAdmin();
        String secret = "audit-secret-" + UUID.randomUUID();
        String first = "adapter-" + UUID.randomUUID();
        Response configured = put(ADAPTER, admin.token(), staticHeader(env.gate.baseUrl(), "X-Audit-Key", secret),
                "X-Request-Id", first);
        assertThat(configured.status()).as(configured.body()).isEqualTo(200);

        List<JsonNode> entries = changesOf(first, 4);
        assertThat(entries).extracting(e -> e.path("target_id").asText()).containsExactlyInAnyOrder(
                "engine_adapter.mode", "engine_adapter.gate_url", "engine_adapter.header_name",
                "engine_adapter.header_value_configured");
        assertThat(entries).extracting(e -> e.path("target_type").asText()).containsOnly("AdminSetting");
        assertThat(summary(entries, "engine_adapter.gate_url").path("old_value").asText())
                .isEqualTo(env.gate.baseUrl());
        JsonNode flag = summary(entries, "engine_adapter.header_value_configured");
        assertThat(flag.path("old_value").booleanValue()).isFalse();
        assertThat(flag.path("new_value").booleanValue()).isTrue();
        assertThat(flag.path("actor_id").asText()).isEqualTo(admin.sub());
        assertThat(flag.path("actor_role").asText()).isEqualTo("PLATFORM_ADMIN");
        assertThat(flag.path("request_id").asText()).isEqualTo(first);
        assertThat(summary(entries, "engine_adapter.header_name").path("new_value").asText()).isEqualTo("X-Audit-Key");

        String rotated = "rotated-" + UUID.randomUUID();
        String second = "adapter-" + UUID.randomUUID();
        put(ADAPTER, admin.token(), staticHeader(env.gate.baseUrl(), "X-Audit-Key", rotated), "X-Request-Id", second);
        JsonNode rotation = summary(changesOf(second, 4), "engine_adapter.header_value_configured");
        assertThat(rotation.path("old_value").booleanValue()).isTrue();
        assertThat(rotation.path("new_value").booleanValue()).isTrue();

        String third = "adapter-" + UUID.randomUUID();
        put(ADAPTER, admin.token(), http(env.gate.baseUrl()), "X-Request-Id", third);
        List<JsonNode> removal = changesOf(third, 4);
        assertThat(summary(removal, "engine_adapter.header_name").path("new_value").isNull()).isTrue();
        assertThat(summary(removal, "engine_adapter.header_value_configured").path("new_value").booleanValue())
                .isFalse();

        for (String value : List.of(secret, rotated)) {
            assertThat(auditEvents("event_type=ADMIN_CONFIG_CHANGE&limit=500").toString()).doesNotContain(value);
            assertThat(replayResponse("event_type=EngineAdapterChanged").body()).doesNotContain(value);
            assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM domainevententry WHERE convert_from(payload, 'UTF8') "
                    + "LIKE ? OR convert_from(metadata, 'UTF8') LIKE ?", Integer.class, "%" + value + "%",
                    "%" + value + "%")).isZero();
        }
    }

    /** Deploys a new version into the lane under this Idempotency-Key and answers the record once SUCCEEDED. */
    private JsonNode deployedUnder(String key, Lane lane) {
        Response deployed = post("/v1/deployments", admin(), intent(lane, registered(lane.service())),
                "Idempotency-Key", key);
        assertThat(deployed.status()).as(deployed.body()).isEqualTo(201);
        JsonNode record = awaitTerminal(deployed.json().path("id").asText());
        assertThat(record.path("state").asText()).as(record.toString()).isEqualTo("SUCCEEDED");
        return record;
    }

    private List<JsonNode> changesOf(String requestId, int count) {
        List<JsonNode> found = awaitAudit("event_type=ADMIN_CONFIG_CHANGE&limit=50",
                entry -> requestId.equals(parse(entry.path("summary").asText()).path("request_id").asText()), count);
        assertThat(found).as(found.toString()).hasSize(count);
        return found;
    }

    private static JsonNode summary(List<JsonNode> entries, String key) {
        List<JsonNode> matching = new ArrayList<>();
        entries.stream().filter(e -> key.equals(e.path("target_id").asText()))
                .forEach(e -> matching.add(parse(e.path("summary").asText())));
        assertThat(matching).as(key).hasSize(1);
        return matching.get(0);
    }

    private static JsonNode parse(String text) {
        try {
            return TestHttp.JSON.readTree(text);
        } catch (Exception e) {
            throw new AssertionError(text, e);
        }
    }
}
