package dev.dxcp.saga.spinnaker;

import static dev.dxcp.saga.spinnaker.ScriptedGateStub.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.dxcp.saga.spinnaker.transport.EngineCallException;
import dev.dxcp.saga.spinnaker.transport.EngineErrorCode;
import dev.dxcp.saga.spinnaker.transport.GateAuth;
import dev.dxcp.saga.spinnaker.transport.GateAuthSettings;
import dev.dxcp.saga.spinnaker.transport.GateSettings;
import dev.dxcp.saga.spinnaker.transport.RetrySettings;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** OAuth2 client-credentials mode: form-encoded token request, bearer header, caching with refresh skew. */
class ClientCredentialsAuthTest {

    private static final String TOKEN = "/oauth/token";

    private ScriptedGateStub gate;
    private final MutableClock clock = new MutableClock(Instant.parse("2025-01-01T00:00:00Z"));

    @BeforeEach
    void startGate() throws IOException {
        gate = ScriptedGateStub.start();
        gate.on("GET", "/health", json(200, "{\"status\":\"UP\"}"));
    }

    @AfterEach
    void stopGate() {
        gate.close();
    }

    private GateClient client() {
        GateAuthSettings auth = new GateAuthSettings.ClientCredentials(gate.baseUrl() + TOKEN, "dxcp-client",
                "cl1ent-s3cret", "gate-api", "pipelines:execute", Duration.ofSeconds(60));
        GateSettings settings = new GateSettings(gate.baseUrl(), auth, Duration.ofSeconds(2), Duration.ofSeconds(2),
                RetrySettings.none(), "dxcp-service");
        return new HttpGateClient(settings, GateAuth.from(settings, clock), d -> { });
    }

    @Test
    void tokenIsFetchedWithAFormAndSentAsBearerAndCachedUntilExpiryMinusSkew() {
        gate.on("POST", TOKEN, json(200, "{\"access_token\":\"tok-1\",\"expires_in\":300,\"token_type\":\"Bearer\"}"),
                json(200, "{\"access_token\":\"tok-2\",\"expires_in\":300}"));
        GateClient client = client();

        client.health();
        client.health();
        clock.advance(Duration.ofSeconds(239));
        client.health();

        assertThat(gate.count("POST", TOKEN)).isEqualTo(1);
        assertThat(gate.requests().stream().filter(r -> r.path().endsWith("/health")).map(r -> r.header("Authorization")))
                .containsOnly("Bearer tok-1");

        clock.advance(Duration.ofSeconds(1)); // 240 s = 300 s lifetime minus 60 s skew
        client.health();

        assertThat(gate.count("POST", TOKEN)).isEqualTo(2);
        assertThat(gate.last().header("Authorization")).isEqualTo("Bearer tok-2");
    }

    @Test
    void tokenRequestCarriesTheGrantAndClientFields() {
        gate.on("POST", TOKEN, json(200, "{\"access_token\":\"tok-1\",\"expires_in\":300}"));

        client().health();

        ScriptedGateStub.Recorded tokenRequest = gate.requests().get(0);
        assertThat(tokenRequest.header("Content-Type")).isEqualTo("application/x-www-form-urlencoded");
        Map<String, String> form = Arrays.stream(tokenRequest.body().split("&"))
                .map(p -> p.split("=", 2))
                .collect(Collectors.toMap(p -> p[0], p -> URLDecoder.decode(p[1], StandardCharsets.UTF_8)));
        assertThat(form).containsExactlyInAnyOrderEntriesOf(Map.of("grant_type", "client_credentials",
                "client_id", "dxcp-client", "client_secret", "cl1ent-s3cret", "audience", "gate-api",
                "scope", "pipelines:execute"));
    }

    @Test
    void engine401DropsTheCachedToken() {
        gate.on("POST", TOKEN, json(200, "{\"access_token\":\"tok-1\",\"expires_in\":300}"),
                json(200, "{\"access_token\":\"tok-2\",\"expires_in\":300}"));
        gate.on("GET", "/applications", json(401, "{\"error\":\"Unauthorized\"}"));
        GateClient client = client();

        catchThrowableOfType(EngineCallException.class, () -> client.applications(null, null));
        client.health();

        assertThat(gate.count("POST", TOKEN)).isEqualTo(2);
        assertThat(gate.last().header("Authorization")).isEqualTo("Bearer tok-2");
    }

    @Test
    void rejectedClientCredentialsAreEngineUnauthorizedAndNeverEchoed() {
        gate.on("POST", TOKEN, json(401, "{\"error\":\"invalid_client\",\"client_secret\":\"cl1ent-s3cret\"}"));
        gate.on("GET", "/pipelines/01X", json(200, "{}"));

        EngineCallException e = catchThrowableOfType(EngineCallException.class, () -> client().getExecution("01X"));

        assertThat(e.code()).isEqualTo(EngineErrorCode.ENGINE_UNAUTHORIZED);
        assertThat(e.getMessage() + e.operatorHint()).doesNotContain("cl1ent-s3cret");
        assertThat(gate.count("GET", "/pipelines/01X")).isZero();
    }

    @Test
    void tokenWithoutLifetimeIsNotCached() {
        gate.on("POST", TOKEN, json(200, "{\"access_token\":\"tok-1\"}"));
        GateClient client = client();

        client.health();
        client.health();

        assertThat(gate.count("POST", TOKEN)).isEqualTo(2);
    }
}
