package dev.dxcp.server.e2e;

import dev.dxcp.testsupport.http.TestHttp;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Reliability: a corpus of hostile requests — malformed and oversized bodies, wrong types, invalid
 * UTF-8, huge headers, traversal and odd schemes in artifactRef, SQL and JSON injection in every string
 * field — never gets a 5xx: each answer is a 4xx with a contract code and a request id. The one
 * exception is a number where a string is expected, which the contract accepts in its string form: that
 * may answer 201, and the record must then read back exactly that string. Nothing changes beyond those
 * acknowledged 201s. (Deploy intents refused by policy are recorded as denials: that is the audit.)
 */
class ReliabilityHostileInputEndToEndTest extends EndToEndTest {
    private static final HttpClient CLIENT = HttpClient.newHttpClient();
    private static final List<String> INJECTIONS = List.of("'; DROP TABLE domainevententry; --",
            "\" OR 1=1 --", "{\"$ne\":null}", "\",\"service\":\"demo-service", "../../etc/passwd",
            "<script>alert(1)</script>", "%00\u0000null-byte", "${jndi:ldap://x/y}", "\u202Eexe.zip",
            "a".repeat(5000));
    private static final List<String> ARTIFACT_REFS = List.of("s3://" + DxcpTestEnvironment.BUCKET + "/../x.zip",
            "s3://" + DxcpTestEnvironment.BUCKET + "/a/%2e%2e/x.zip", "file:///etc/passwd", "javascript://alert(1)",
            "http://evil.example.com/x.zip", "s3://" + DxcpTestEnvironment.BUCKET + "/a\\..\\x.zip", "s3:///x.zip",
            "s3://bucket", "://x", "S3://other/x.zip", "data:text/plain;base64,AAAA",
            "s3://" + DxcpTestEnvironment.BUCKET + "//demo-service/demo-service-1.0.0.zip");

    private record Sent(String what, int status, String body, String requestId, String field, Object value) {
        Sent(String what, int status, String body, String requestId) {
            this(what, status, body, requestId, null, null);
        }

        Sent about(String sentField, Object sentValue) {
            return new Sent(what, status, body, requestId, sentField, sentValue);
        }
    }

    @Test
    void noHostileRequestGetsA5xxOrChangesAnything() throws Exception {
        int effects = effectEvents();
        List<Sent> answers = new ArrayList<>();
        String ci = ci("hostile");
        String owner = env.identity.ownerToken("hostile@example.com");

        for (String body : List.of("", "{", "[]", "null", "42", "\"text\"", "{\"service\":", "{}{}",
                "{\"service\":\"a\",\"service\":\"b\"}", "[".repeat(500) + "]".repeat(500),
                "{\"a\":" + "{\"a\":".repeat(200) + "1" + "}".repeat(201))) {
            answers.add(raw("POST", "/v1/builds/register", body.getBytes(StandardCharsets.UTF_8), ci, "json " + body.length()));
            answers.add(raw("POST", "/v1/deployments", body.getBytes(StandardCharsets.UTF_8), owner, "json " + body.length()));
        }
        answers.add(raw("POST", "/v1/builds/register", new byte[]{'{', '"', 'x', '"', ':', '"', (byte) 0xFF, '"', '}'},
                ci, "invalid utf-8"));
        answers.add(raw("POST", "/v1/builds/register", ("{\"service\":\"" + "x".repeat(2_000_000) + "\"}")
                .getBytes(StandardCharsets.UTF_8), ci, "2 MB body"));

        for (String field : List.of("service", "version", "artifactRef", "git_sha", "git_branch", "ci_provider",
                "ci_run_id", "built_at", "commit_url", "run_url", "repo", "actor", "checksum_sha256")) {
            for (String injection : INJECTIONS) {
                Map<String, Object> body = buildBody("e2e-svc-8", uniqueVersion());
                body.put(field, injection);
                answers.add(json("POST", "/v1/builds/register", body, ci, field + "=" + abbreviate(injection)));
            }
            for (Object wrongType : List.of(true, List.of("a"), Map.of("a", 1), 1.5e300)) {
                Map<String, Object> body = buildBody("e2e-svc-8", uniqueVersion());
                body.put(field, wrongType);
                answers.add(json("POST", "/v1/builds/register", body, ci, field + " as " + wrongType)
                        .about(field, wrongType));
            }
        }
        for (String ref : ARTIFACT_REFS) {
            Map<String, Object> body = buildBody("e2e-svc-8", uniqueVersion());
            body.put("artifactRef", ref);
            answers.add(json("POST", "/v1/builds/register", body, ci, "artifactRef " + ref));
        }
        for (String field : List.of("service", "environment", "version", "changeSummary", "recipeId")) {
            for (String injection : INJECTIONS) {
                Map<String, Object> intent = new LinkedHashMap<>(Map.of("service", "demo-service", "environment",
                        "sandbox", "version", "1.0.0", "changeSummary", "x", "recipeId", "default"));
                intent.put(field, injection);
                answers.add(json("POST", "/v1/deployments", intent, owner, "intent " + field + "=" + abbreviate(injection)));
                answers.add(json("POST", "/v1/deployments/validate", intent, owner, "validate " + field));
            }
        }
        answers.add(withHeader("X-Big", "a".repeat(100_000), "100 KB header"));
        answers.add(withHeader("Authorization", "Bearer " + "a".repeat(40_000), "40 KB token"));
        answers.add(raw("GET", "/v1/services/" + "a".repeat(20_000) + "/versions", null, ci, "20 KB path"));
        answers.add(raw("GET", "/v1/services/..%2F..%2Fetc%2Fpasswd/versions", null, ci, "encoded traversal"));
        answers.add(raw("GET", "/v1/deployments/' OR '1'='1", null, owner, "injection in id"));
        answers.add(raw("GET", "/v1/deployments?service=' OR '1'='1&limit=9999999", null, owner, "bad limit"));

        List<String> problems = new ArrayList<>();
        int acknowledged = 0;
        for (Sent sent : answers) {
            if (sent.status() == 201 && sent.value() instanceof Number) {
                acknowledged++;
                if (!readsBackVerbatim(sent)) {
                    problems.add(sent.what() + " -> 201 but stored differently: " + abbreviate(sent.body()));
                }
                continue;
            }
            boolean fourXx = sent.status() >= 400 && sent.status() < 500;
            boolean hasCode = sent.body().contains("\"code\"") && sent.body().contains("\"request_id\"");
            if (!fourXx || !hasCode || sent.requestId() == null) {
                problems.add(sent.what() + " -> " + sent.status() + " " + abbreviate(sent.body()));
            }
        }
        assertThat(problems).as("of " + answers.size() + " hostile requests").isEmpty();
        // each acknowledged registration is one BuildRegistered plus one recorded idempotent response
        assertThat(effectEvents()).as("nothing beyond the acknowledged registrations")
                .isEqualTo(effects + 2 * acknowledged);
    }

    /** A number accepted where a string is expected: the stored record carries its string form. */
    private static boolean readsBackVerbatim(Sent sent) throws Exception {
        var record = TestHttp.JSON.readTree(sent.body()).path(sent.field());
        String expected = TestHttp.JSON.valueToTree(sent.value()).asText();
        return record.isTextual() && record.asText().equals(expected);
    }

    private int effectEvents() {
        Integer count = jdbc.queryForObject("SELECT COUNT(*) FROM domainevententry WHERE payloadtype LIKE "
                + "'%BuildRegistered' OR payloadtype LIKE '%DeploymentAccepted' OR payloadtype LIKE "
                + "'%IdempotentResponseRecorded'", Integer.class);
        return count == null ? 0 : count;
    }

    private Sent json(String method, String path, Object body, String token, String what) {
        return raw(method, path, TestHttp.JSON.valueToTree(body).toString().getBytes(StandardCharsets.UTF_8), token,
                what);
    }

    private Sent raw(String method, String path, byte[] body, String token, String what) {
        try {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url("")).resolve(path.replace(" ", "%20")
                            .replace("'", "%27")))
                    .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                            : HttpRequest.BodyPublishers.ofByteArray(body))
                    .header("Authorization", "Bearer " + token)
                    .header("Idempotency-Key", UUID.randomUUID().toString());
            if (body != null) {
                request.header("Content-Type", "application/json");
            }
            HttpResponse<String> response = CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Sent(what, response.statusCode(), response.body(),
                    response.headers().firstValue("X-Request-Id").orElse(null));
        } catch (Exception e) {
            return new Sent(what + " (" + e + ")", -1, "", null);
        }
    }

    private Sent withHeader(String name, String value, String what) {
        try {
            HttpRequest request = HttpRequest.newBuilder(URI.create(url("/v1/services"))).GET()
                    .header(name, value).build();
            HttpResponse<String> response = CLIENT.send(request, HttpResponse.BodyHandlers.ofString());
            return new Sent(what, response.statusCode(), response.body(),
                    response.headers().firstValue("X-Request-Id").orElse(null));
        } catch (Exception e) {
            return new Sent(what + " (" + e + ")", -1, "", null);
        }
    }

    private static String abbreviate(String text) {
        return text.length() > 60 ? text.substring(0, 60) + "…" : text;
    }
}
