package dev.dxcp.server.e2e;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.fasterxml.jackson.databind.JsonNode;
import dev.dxcp.testsupport.http.TestHttp;
import dev.dxcp.testsupport.http.TestHttp.Response;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** The HTTP edge: error body on every failure, request ids on every response (governance §12, spec README). */
class HttpEdgeEndToEndTest extends EndToEndTest {

    @Test
    void healthNeedsNoAuthenticationAndIgnoresABadHeader() {
        Response plain = get("/v1/health", null);
        assertThat(plain.status()).isEqualTo(200);
        assertThat(plain.json().path("status").asText()).isEqualTo("ok");
        assertThat(get("/v1/health", "garbage").status()).isEqualTo(200);
    }

    @Test
    void requestIdIsEchoedWhenSentAndGeneratedOtherwise() {
        Response echoed = get("/v1/health", null, "X-Request-Id", "req-abc-123");
        assertThat(echoed.header("X-Request-Id")).contains("req-abc-123");
        Response generated = get("/v1/health", null);
        assertThat(UUID.fromString(generated.header("X-Request-Id").orElseThrow())).isNotNull();
        Response error = get("/v1/whoami", null, "X-Request-Id", "req-err-9");
        assertThat(error.json().path("request_id").asText()).isEqualTo("req-err-9");
    }

    @Test
    void unknownPathsAre404HttpErrorWhateverTheCredentials() {
        assertError(get("/v1/does-not-exist", null), 404, "HTTP_ERROR");
        assertError(get("/v1/does-not-exist", "bad-token"), 404, "HTTP_ERROR");
        assertError(get("/nothing/here", admin()), 404, "HTTP_ERROR");
        assertThat(get("/v1/does-not-exist", null).body()).doesNotContain("\"NOT_FOUND\"");
    }

    @Test
    void knownPathsWithAnUnsupportedMethodAre405HttpError() {
        assertError(send("DELETE", "/v1/health", null, null), 405, "HTTP_ERROR");
        assertError(send("PATCH", "/v1/builds/register", null, "{}"), 405, "HTTP_ERROR");
    }

    @Test
    void nonJsonBodiesAre415() {
        Response withBody = raw("POST", "/v1/builds/register", "service=x", "text/plain", ci("media"), "m1");
        assertError(withBody, 415, "HTTP_ERROR");
    }

    @Test
    void malformedJsonIsASchemaErrorWithTheContractCode() {
        Response response = raw("POST", "/v1/builds/register", "{\"service\": ", "application/json", ci("bad-json"),
                UUID.randomUUID().toString());
        assertError(response, 400, "INVALID_BUILD_REGISTRATION");
        Response array = raw("POST", "/v1/builds/register", "[1,2]", "application/json", ci("bad-json"),
                UUID.randomUUID().toString());
        assertError(array, 400, "INVALID_BUILD_REGISTRATION");
    }

    @Test
    void invalidUtf8IsRejectedAsInvalidJson() {
        byte[] body = {'{', '"', 's', '"', ':', '"', (byte) 0xC3, (byte) 0x28, '"', '}'};
        Response response = rawBytes("/v1/builds/register", body, ci("utf8"), UUID.randomUUID().toString());
        assertError(response, 400, "INVALID_BUILD_REGISTRATION");
    }

    @Test
    void oversizedBodiesAre413WithTheErrorBody() {
        String huge = "{\"service\":\"" + "x".repeat(200_000) + "\"}";
        Response response = raw("POST", "/v1/builds/register", huge, "application/json", ci("huge"),
                UUID.randomUUID().toString());
        assertError(response, 413, "HTTP_ERROR");
    }

    /** The HTTP decoder refuses these; they once got a bare 400 from the network layer, no body, no request id. */
    @Test
    void aBareCrLfOrNulInAHeaderIs400WithTheErrorBodyAndARequestId() {
        for (String bad : List.of("a\rb", "a\nb: c", "a\u0000b")) {
            try (RawHttp connection = RawHttp.connect(port)) {
                RawHttp.Answer answer = connection.send("GET /v1/health HTTP/1.1\r\nHost: x\r\nX-Bad: " + bad
                        + "\r\n\r\n").readUntilClosed(Duration.ofSeconds(10));
                assertThat(answer.status()).as(answer.text()).isEqualTo(400);
                JsonNode body = answer.json();
                assertThat(body.path("code").asText()).isEqualTo("INVALID_REQUEST");
                assertThat(body.path("error_code").asText()).isEqualTo("INVALID_REQUEST");
                assertThat(body.path("failure_cause").asText()).isEqualTo("USER_ERROR");
                assertThat(body.path("message").asText()).isNotBlank();
                assertThat(body.path("request_id").asText()).isNotBlank().isEqualTo(answer.header("X-Request-Id"));
                assertThat(answer.closed()).as("nothing after a broken header is read as a request").isTrue();
            }
        }
    }

    @Test
    void aRequestAbandonedBeforeItsBodyArrivedIsLoggedAsAbandonedNotAs200() {
        String requestId = "abandoned-" + UUID.randomUUID();
        ListAppender<ILoggingEvent> logs = new ListAppender<>();
        Logger root = ((LoggerContext) LoggerFactory.getILoggerFactory()).getLogger(Logger.ROOT_LOGGER_NAME);
        logs.start();
        root.addAppender(logs);
        try {
            try (RawHttp connection = RawHttp.connect(port)) {
                connection.send("POST /v1/builds/register HTTP/1.1\r\nHost: x\r\nX-Request-Id: " + requestId
                        + "\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n{\"service\"");
                Thread.sleep(300);
            }
            long deadline = System.currentTimeMillis() + 10_000;
            while (logs.list.stream().noneMatch(e -> e.getFormattedMessage().contains("request_id=" + requestId))
                    && System.currentTimeMillis() < deadline) {
                Thread.sleep(50);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            root.detachAppender(logs);
        }
        List<String> lines = logs.list.stream().map(ILoggingEvent::getFormattedMessage)
                .filter(line -> line.contains("request_id=" + requestId)).toList();
        assertThat(lines).containsExactly("event=http_request method=POST path=/v1/builds/register status=499 "
                + "outcome=abandoned_before_body duration_ms=" + durationIn(lines) + " request_id=" + requestId);
        assertThat(logs.list).as("no stack trace").allMatch(e -> e.getThrowableProxy() == null);
    }

    private static String durationIn(List<String> lines) {
        return lines.isEmpty() ? "?" : lines.get(0).replaceAll(".* duration_ms=(\\d+) .*", "$1");
    }

    @Test
    void readEndpointsAnswerEveryRoleAndRequireAuthentication() {
        for (String token : new String[]{admin(), env.identity.ownerToken("o@example.com"),
                env.identity.observerToken(), ci("reader")}) {
            assertThat(get("/v1/services", token).status()).isEqualTo(200);
            assertThat(get("/v1/settings/public", token).status()).isEqualTo(200);
            assertThat(get("/v1/ui/policy/ui-exposure", token).status()).isEqualTo(200);
        }
        assertError(get("/v1/services", null), 401, "UNAUTHORIZED");
    }

    @Test
    void configSanityReportsWhatIsConfigured() {
        Response response = get("/v1/config/sanity", admin(), "X-Request-Id", "sanity-1");
        assertThat(response.json().path("request_id").asText()).isEqualTo("sanity-1");
        assertThat(response.json().path("oidc_configured").asBoolean()).isTrue();
        assertThat(response.json().path("spinnaker_configured").asBoolean()).as("DXCP_GATE_URL is set").isTrue();
        assertThat(response.json().path("artifact_discovery_configured").asBoolean()).isTrue();
    }

    private Response raw(String method, String path, String body, String contentType, String token, String key) {
        return send(method, path, body.getBytes(StandardCharsets.UTF_8), contentType, token, key);
    }

    private Response rawBytes(String path, byte[] body, String token, String key) {
        return send("POST", path, body, "application/json", token, key);
    }

    private Response send(String method, String path, byte[] body, String contentType, String token, String key) {
        try {
            HttpRequest request = HttpRequest.newBuilder(URI.create(url(path)))
                    .method(method, HttpRequest.BodyPublishers.ofByteArray(body))
                    .header("Content-Type", contentType)
                    .header("Authorization", "Bearer " + token)
                    .header("Idempotency-Key", key).build();
            HttpResponse<String> response = HttpClient.newHttpClient().send(request,
                    HttpResponse.BodyHandlers.ofString());
            return new TestHttp.Response(response.statusCode(), response.headers(), response.body());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
