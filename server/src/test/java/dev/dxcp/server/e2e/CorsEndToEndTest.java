package dev.dxcp.server.e2e;

import dev.dxcp.testsupport.http.TestHttp;
import dev.dxcp.testsupport.http.TestHttp.Response;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Cross-origin access: the shared test server runs with DXCP_CORS_ORIGINS naming two origins (one written
 * with a trailing slash); the embedded-mode CLI test checks that none is allowed by default.
 */
class CorsEndToEndTest extends EndToEndTest {
    static final String PORTAL = "https://portal.example.com";
    static final String OTHER_UI = "http://localhost:5173";

    private Response preflight(String origin, String method, String headers) {
        return TestHttp.send("OPTIONS", url("/v1/deployments"), null, null, "Origin", origin,
                "Access-Control-Request-Method", method, "Access-Control-Request-Headers", headers);
    }

    @Test
    void aPreflightFromAListedOriginIsAnsweredWithTheContractsMethodsAndHeadersWithoutAToken() {
        Response answer = preflight(PORTAL, "POST", "authorization, content-type, idempotency-key");
        assertThat(answer.status()).as(answer.body()).isEqualTo(204);
        assertThat(answer.header("Access-Control-Allow-Origin")).contains(PORTAL);
        assertThat(answer.header("Access-Control-Allow-Methods").orElse(""))
                .contains("GET", "POST", "PUT", "PATCH", "DELETE");
        assertThat(answer.header("Access-Control-Allow-Headers").orElse(""))
                .contains("Authorization", "Content-Type", "Idempotency-Key", "X-Request-Id");
        assertThat(answer.header("Access-Control-Max-Age")).contains("600");
        assertThat(answer.header("Access-Control-Allow-Credentials")).as("bearer tokens, no cookies").isEmpty();
        assertThat(answer.header("X-Request-Id")).isPresent();
        assertThat(preflight(OTHER_UI, "PATCH", "content-type").status()).as("listed with a trailing slash")
                .isEqualTo(204);
    }

    @Test
    void answersToAListedOriginExposeTheHeadersClientsRelyOnErrorsIncluded() {
        Response services = TestHttp.get(url("/v1/services"), admin(), "Origin", PORTAL);
        assertThat(services.status()).isEqualTo(200);
        assertThat(services.header("Access-Control-Allow-Origin")).contains(PORTAL);
        assertThat(services.header("Access-Control-Expose-Headers").orElse(""))
                .contains("X-Request-Id", "Idempotency-Replayed");
        Response unauthorized = TestHttp.get(url("/v1/services"), null, "Origin", PORTAL);
        assertThat(unauthorized.status()).isEqualTo(401);
        assertThat(unauthorized.header("Access-Control-Allow-Origin")).as("the page can read the error body")
                .contains(PORTAL);
    }

    @Test
    void aPreflightFromAnotherOriginIsRefusedWithTheErrorBodyAndNoAllowHeaders() {
        Response answer = preflight("https://evil.example.net", "POST", "authorization");
        assertError(answer, 403, "CORS_NOT_ALLOWED");
        assertThat(answer.header("Access-Control-Allow-Origin")).isEmpty();
        Response actual = TestHttp.get(url("/v1/services"), admin(), "Origin", "https://evil.example.net");
        assertThat(actual.status()).as("served, but the browser may not read it").isEqualTo(200);
        assertThat(actual.header("Access-Control-Allow-Origin")).isEmpty();
    }

    @Test
    void aPreflightAskingForAMethodOrHeaderOutsideTheContractIsRefused() {
        assertError(preflight(PORTAL, "TRACE", "authorization"), 403, "CORS_NOT_ALLOWED");
        Response header = preflight(PORTAL, "POST", "authorization, x-debug-me");
        assertError(header, 403, "CORS_NOT_ALLOWED");
        assertThat(header.json().path("message").asText()).contains("x-debug-me");
    }
}
