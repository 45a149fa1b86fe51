package dev.dxcp.server.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dxcp.testsupport.http.TestHttp;
import dev.dxcp.testsupport.http.TestHttp.Response;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** GET and PUT of the engine adapter (api-contract §11): its shape, secrets kept out of every answer, validation, roles and the kill switch. */
class EngineAdapterSettingsEndToEndTest extends EngineAdapterTestSupport {

    @Test
    void getShowsTheConnectionInForceInTheContractsShape() {
        JsonNode adapter = currentAdapter();
        assertThat(adapter.path("adapter_id").asText()).isEqualTo("main");
        assertThat(adapter.path("label").asText()).isNotBlank();
        assertThat(adapter.path("engine_type").asText()).isEqualTo("SPINNAKER");
        JsonNode option = adapter.path("engine_options").get(0);
        assertThat(option.path("id").asText()).isEqualTo("SPINNAKER");
        assertThat(option.path("label").asText()).isEqualTo("Spinnaker");
        assertThat(option.path("availability").asText()).isEqualTo("AVAILABLE");
        assertThat(adapter.path("source").asText()).isIn("runtime", "persisted");
        JsonNode config = adapter.path("config");
        assertThat(config.path("mode").asText()).isEqualTo("http");
        assertThat(config.path("gate_url").asText()).isEqualTo(env.gate.baseUrl());
        assertThat(fieldNames(config)).containsExactly("mode", "gate_url", "header_name", "header_value_configured",
                "token_url", "client_id", "client_secret_configured", "audience", "scope", "refresh_skew_seconds",
                "client_cert_path", "client_key_path", "keystore_path", "keystore_password_configured",
                "ca_bundle_path", "server_name");
        assertThat(config.path("header_value_configured").asBoolean()).isFalse();
    }

    @Test
    void secretsAreWriteOnlyKeptWhenLeftOutAndClearedWithNull() {
        String secret = "hdr-" + UUID.randomUUID();
        JsonNode saved = saved(staticHeader(env.gate.baseUrl(), "X-Gate-Key", secret));
        assertThat(saved.path("source").asText()).isEqualTo("persisted");
        assertThat(saved.path("config").path("header_name").asText()).isEqualTo("X-Gate-Key");
        assertThat(saved.path("config").path("header_value_configured").asBoolean()).isTrue();
        assertThat(saved.toString()).doesNotContain(secret);
        assertThat(currentAdapter().toString()).doesNotContain(secret);

        // What GET showed, sent back whole with one field edited, keeps the secret it never saw.
        ObjectNode echoed = currentAdapter().deepCopy();
        ((ObjectNode) echoed.path("config")).put("header_name", "X-Other-Key");
        Response renamedResponse = put(ADAPTER, freshAdmin(), echoed);
        assertThat(renamedResponse.status()).as(renamedResponse.body()).isEqualTo(200);
        JsonNode renamed = renamedResponse.json();
        assertThat(renamed.path("config").path("header_name").asText()).isEqualTo("X-Other-Key");
        assertThat(renamed.path("config").path("header_value_configured").asBoolean()).isTrue();

        Map<String, Object> cleared = staticHeader(env.gate.baseUrl(), "X-Other-Key", null);
        Response refused = put(ADAPTER, freshAdmin(), cleared);
        assertError(refused, 400, "INVALID_REQUEST");
        assertThat(errorFields(refused)).containsExactly("header_value");
        JsonNode withoutHeader = saved(http(env.gate.baseUrl()));
        assertThat(withoutHeader.path("config").path("header_name").isNull()).isTrue();
        assertThat(withoutHeader.path("config").path("header_value_configured").asBoolean()).isFalse();
    }

    @Test
    void invalidSettingsAreRefusedNamingEveryFieldAndChangeNothing() {
        JsonNode before = currentAdapter().path("config");
        int changes = eventsOfType("EngineAdapterChanged");

        Response types = put(ADAPTER, freshAdmin(), Map.of("mode", "http", "gate_url", 42,
                "refresh_skew_seconds", "30", "gateUrl", "http://typo"));
        assertError(types, 400, "INVALID_REQUEST");
        assertThat(errorFields(types)).containsExactlyInAnyOrder("gate_url", "refresh_skew_seconds");

        Response rules = put(ADAPTER, freshAdmin(), Map.of("mode", "mtls", "gate_url", "http://gate.internal",
                "header_name", "X-Key", "server_name", "not a host"));
        assertError(rules, 400, "INVALID_REQUEST");
        assertThat(errorFields(rules)).containsExactly("gate_url", "header_name", "client_cert_path", "server_name");
        assertThat(rules.json().path("details").path("errors").get(0).path("message").asText()).contains("https");

        assertThat(errorFields(put(ADAPTER, freshAdmin(), Map.of()))).containsExactly("mode");
        assertThat(errorFields(put(ADAPTER, freshAdmin(), Map.of("mode", "grpc")))).containsExactly("mode");
        assertThat(errorFields(put(ADAPTER, freshAdmin(), Map.of("mode", "stub", "gate_url", env.gate.baseUrl()))))
                .containsExactly("gate_url");
        assertThat(errorFields(put(ADAPTER, freshAdmin(), Map.of("mode", "http", "gate_url", env.gate.baseUrl(),
                "header_name", "X-Key", "header_value", "line\r\nInjected: yes")))).containsExactly("header_value");
        String missing = "/nonexistent-" + UUID.randomUUID() + "/client.pem";
        Response files = put(ADAPTER, freshAdmin(), Map.of("mode", "mtls", "gate_url", "https://gate.internal",
                "client_cert_path", missing, "client_key_path", missing));
        assertThat(errorFields(files)).containsExactly("client_cert_path", "client_key_path");
        assertThat(files.json().path("details").path("errors").get(0).path("message").asText())
                .contains("not a readable file");
        assertError(TestHttp.send("PUT", url(ADAPTER), freshAdmin(), "{\"mode\":"), 400, "INVALID_REQUEST");

        assertThat(currentAdapter().path("config")).isEqualTo(before);
        assertThat(eventsOfType("EngineAdapterChanged")).isEqualTo(changes);
    }

    @Test
    void unknownPropertiesAreIgnoredNotRefused() {
        Map<String, Object> config = http(env.gate.baseUrl());
        config.put("gateUrl", "http://typo.example");
        config.put("timeout_seconds", 5);
        Response response = put(ADAPTER, freshAdmin(), config);
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        assertThat(response.json().path("config").has("gateUrl")).isFalse();
        assertThat(response.json().path("config").path("gate_url").asText()).isEqualTo(env.gate.baseUrl());
        assertThat(response.body()).doesNotContain("typo.example");
    }

    /** api-contract §1: unlike ci-publishers, this PUT has no Idempotency-Key column. */
    @Test
    void putNeedsNoIdempotencyKey() {
        Response response = put(ADAPTER, freshAdmin(), http(env.gate.baseUrl()));
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        assertThat(response.json().path("source").asText()).isEqualTo("persisted");
    }

    @Test
    void onlyPlatformAdminsReadChangeOrValidateTheAdapter() {
        for (String token : List.of(env.identity.ownerToken("o@example.com"), env.identity.observerToken(),
                ci("adapter-probe"))) {
            assertError(get(ADAPTER, token), 403, "ROLE_FORBIDDEN");
            assertError(put(ADAPTER, token, http(deadUrl())), 403, "ROLE_FORBIDDEN");
            assertError(post(VALIDATE, token, http(env.gate.baseUrl())), 403, "ROLE_FORBIDDEN");
        }
        assertError(get(ADAPTER, null), 401, "UNAUTHORIZED");
        assertError(put(ADAPTER, null, http(deadUrl())), 401, "UNAUTHORIZED");
        assertThat(currentAdapter().path("config").path("gate_url").asText()).isEqualTo(env.gate.baseUrl());
    }

    @Test
    void theKillSwitchBlocksChangesButNotReadsOrValidation() {
        Response on = put("/v1/admin/system/mutations-disabled", freshAdmin(), Map.of("mutations_disabled", true));
        assertThat(on.status()).as(on.body()).isEqualTo(200);

        assertError(put(ADAPTER, freshAdmin(), http(deadUrl())), 503, "MUTATIONS_DISABLED");
        assertError(put(ADAPTER, env.identity.observerToken(), http(deadUrl())), 403, "ROLE_FORBIDDEN");
        assertThat(get(ADAPTER, freshAdmin()).status()).isEqualTo(200);
        Response validated = post(VALIDATE, freshAdmin(), http(env.gate.baseUrl()));
        assertThat(validated.status()).as(validated.body()).isEqualTo(200);
        assertThat(validated.json().path("status").asText()).isEqualTo("VALID");
        assertThat(currentAdapter().path("config").path("gate_url").asText()).isEqualTo(env.gate.baseUrl());
    }

    private static List<String> errorFields(Response response) {
        assertThat(response.status()).as(response.body()).isEqualTo(400);
        List<String> fields = new ArrayList<>();
        response.json().path("details").path("errors").forEach(error -> fields.add(error.path("field").asText()));
        return fields;
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
