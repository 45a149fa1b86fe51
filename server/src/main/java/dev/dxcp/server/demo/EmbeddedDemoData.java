package dev.dxcp.server.demo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dxcp.artifact.DemoArtifacts;
import dev.dxcp.server.identity.DevIssuer;
import dev.dxcp.server.identity.Role;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Embedded mode's demo data, loaded once on first start so a newcomer can use the web UI without a
 * terminal: the development issuer's delivery owner (owner@dxcp.local) owns group {@code default},
 * a demo CI publisher has registered demo-service 1.0.0 and 1.1.0 and demo-service-2 1.0.0 from the
 * embedded artifact store, and demo-service 1.0.0 was deployed to sandbox (so 1.1.0 can be deployed
 * and rolled back). Everything goes through the public API with development-issuer tokens, exactly
 * as an admin and a CI job would: the same checks, events and audit entries, no back door.
 */
public class EmbeddedDemoData {
    public static final String OWNER_EMAIL = "owner@dxcp.local";
    static final String ACTOR = "dxcp-demo-data";
    static final String PUBLISHER = "dxcp-demo-data";
    private static final Logger log = LoggerFactory.getLogger(EmbeddedDemoData.class);
    private static final Duration CALL_TIMEOUT = Duration.ofSeconds(30);
    private static final Duration SEED_WAIT = Duration.ofSeconds(60);
    private static final List<Build> BUILDS = List.of(
            new Build("demo-service", "1.0.0", "3f1c9a2e7b5d4c8a9e0f1b2c3d4e5f6a7b8c9d0e", 26),
            new Build("demo-service", "1.1.0", "8e2d7c1b0a9f8e7d6c5b4a3f2e1d0c9b8a7f6e5d", 3),
            new Build("demo-service-2", "1.0.0", "5a4b3c2d1e0f9a8b7c6d5e4f3a2b1c0d9e8f7a6b", 30));

    private record Build(String service, String version, String gitSha, int hoursBeforeStart) {
    }

    private final DevIssuer issuer;
    private final String bucket;
    private final ObjectMapper json;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private final String gatePass;

    /** @param gatePass the {@link DemoDataGate}'s secret: this loader's calls pass the gate others wait at */
    public EmbeddedDemoData(DevIssuer issuer, String bucket, ObjectMapper json, String gatePass) {
        this.issuer = issuer;
        this.bucket = bucket;
        this.json = json;
        this.gatePass = gatePass;
    }

    /** Loads the demo data through the server at {@code baseUrl} unless it is there already. */
    public void load(String baseUrl) {
        Api admin = new Api(baseUrl, issuer.humanToken(ACTOR, "demo-data@dxcp.local", Role.PLATFORM_ADMIN.claimValues().get(0)));
        Answer marker = admin.get("/v1/builds?service=demo-service&version=1.0.0");
        if (marker.status() == 200) {
            log.info("event=demo_data_present note=\"embedded demo data was loaded at an earlier start\"");
            return;
        }
        ownDefaultGroup(admin);
        allowDemoPublisher(admin);
        Api ci = new Api(baseUrl, issuer.clientToken(PUBLISHER, Role.CI_PUBLISHER.claimValues().get(0)));
        Instant start = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        for (Build build : BUILDS) {
            ObjectNode body = json.createObjectNode()
                    .put("service", build.service())
                    .put("version", build.version())
                    .put("artifactRef", "s3://" + bucket + "/" + DemoArtifacts.keyOf(build.service(), build.version()))
                    .put("git_sha", build.gitSha())
                    .put("git_branch", "main")
                    .put("ci_provider", "github")
                    .put("ci_run_id", "demo-" + build.service() + "-" + build.version())
                    .put("built_at", start.minus(Duration.ofHours(build.hoursBeforeStart())).toString());
            ci.expect(201, ci.post("/v1/builds/register", body, "demo-data-build-" + build.service() + "-" + build.version()),
                    "register " + build.service() + " " + build.version());
        }
        ObjectNode intent = json.createObjectNode().put("service", "demo-service").put("environment", "sandbox")
                .put("version", "1.0.0").put("changeSummary", "Embedded demo data: first release of demo-service");
        Answer deployed = admin.post("/v1/deployments", intent, "demo-data-deploy-demo-service-1.0.0");
        if (deployed.status() == 201) {
            awaitEnd(admin, deployed.body().path("id").asText());
            log.info("event=demo_data_loaded builds={} deployment={} note=\"owner@dxcp.local owns group default; "
                    + "demo-service 1.1.0 is ready to deploy\"", BUILDS.size(), deployed.body().path("id").asText());
        } else {
            log.warn("event=demo_data_partial builds={} deploy_status={} code={} note=\"demo builds registered; the demo "
                    + "deployment was refused\"", BUILDS.size(), deployed.status(), deployed.body().path("code").asText());
        }
    }

    /** The demo deployment holds the only lane of default/sandbox until it ends: the gate opens after that. */
    private void awaitEnd(Api admin, String id) {
        long deadline = System.nanoTime() + SEED_WAIT.toNanos();
        while (System.nanoTime() < deadline) {
            String state = admin.get("/v1/deployments/" + id).body().path("state").asText();
            if (List.of("SUCCEEDED", "FAILED", "CANCELED", "ROLLED_BACK").contains(state)) {
                return;
            }
            try {
                Thread.sleep(500);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    /** The development issuer's delivery owner owns group default, so signing in as owner can deploy. */
    private void ownDefaultGroup(Api admin) {
        JsonNode group = admin.expect(200, seededGroup(admin), "read group default").body();
        Set<String> owners = new LinkedHashSet<>();
        for (String owner : group.path("owner").asText("").split(",")) {
            if (!owner.isBlank()) {
                owners.add(owner.trim());
            }
        }
        if (!owners.add(OWNER_EMAIL)) {
            return;
        }
        ObjectNode update = ((ObjectNode) group.deepCopy());
        update.put("owner", String.join(", ", owners));
        update.put("change_reason", "Embedded demo data: the development issuer's delivery owner owns this group");
        admin.expect(200, admin.put("/v1/delivery-groups/default", update, null), "add the demo owner to group default");
    }

    /** The delivery configuration seed runs on the same start-up event; its group may take a moment to appear. */
    private Answer seededGroup(Api admin) {
        long deadline = System.nanoTime() + SEED_WAIT.toNanos();
        Answer answer = admin.get("/v1/delivery-groups/default");
        while (answer.status() == 404 && System.nanoTime() < deadline) {
            try {
                Thread.sleep(1000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
            answer = admin.get("/v1/delivery-groups/default");
        }
        return answer;
    }

    /** The demo CI publisher joins the allowlist (other entries are kept). */
    private void allowDemoPublisher(Api admin) {
        JsonNode current = admin.expect(200, admin.get("/v1/admin/system/ci-publishers"), "read CI publishers").body();
        ArrayNode publishers = json.createArrayNode();
        for (JsonNode publisher : current.path("publishers")) {
            if (PUBLISHER.equals(publisher.path("name").asText())) {
                return;
            }
            publishers.add(publisher);
        }
        publishers.addObject().put("name", PUBLISHER).put("provider", "custom")
                .put("description", "Embedded demo data: registered the demo builds at first start")
                .putArray("subjects").add(PUBLISHER + "@clients");
        admin.expect(200, admin.put("/v1/admin/system/ci-publishers",
                json.createObjectNode().set("publishers", publishers), "demo-data-ci-publishers"), "allow the demo CI publisher");
    }

    private record Answer(int status, JsonNode body) {
    }

    /** A caller of this server's own API with one bearer token. */
    private final class Api {
        private final String baseUrl;
        private final String token;

        Api(String baseUrl, String token) {
            this.baseUrl = baseUrl;
            this.token = token;
        }

        Answer get(String path) {
            return send(request(path).GET());
        }

        Answer post(String path, JsonNode body, String key) {
            return send(withKey(request(path), key).POST(HttpRequest.BodyPublishers.ofString(body.toString())));
        }

        Answer put(String path, JsonNode body, String key) {
            return send(withKey(request(path), key).PUT(HttpRequest.BodyPublishers.ofString(body.toString())));
        }

        Answer expect(int status, Answer answer, String what) {
            if (answer.status() != status) {
                throw new IllegalStateException("Embedded demo data: " + what + " answered " + answer.status() + " "
                        + answer.body());
            }
            return answer;
        }

        private HttpRequest.Builder request(String path) {
            return HttpRequest.newBuilder(URI.create(baseUrl + path)).timeout(CALL_TIMEOUT)
                    .header("Authorization", "Bearer " + token)
                    .header("Content-Type", "application/json")
                    .header("X-Request-Id", "demo-data-" + java.util.UUID.randomUUID())
                    .header(DemoDataGate.HEADER, gatePass);
        }

        private HttpRequest.Builder withKey(HttpRequest.Builder builder, String key) {
            return key == null ? builder : builder.header("Idempotency-Key", key);
        }

        private Answer send(HttpRequest.Builder builder) {
            try {
                HttpResponse<String> response = http.send(builder.build(), HttpResponse.BodyHandlers.ofString());
                String text = response.body();
                return new Answer(response.statusCode(), text == null || text.isBlank() ? json.nullNode() : json.readTree(text));
            } catch (IOException e) {
                throw new IllegalStateException("Embedded demo data: cannot call " + baseUrl, e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("Embedded demo data: interrupted", e);
            }
        }
    }
}
