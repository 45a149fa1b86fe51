package dev.dxcp.server.ui;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dxcp.artifact.DemoArtifacts;
import dev.dxcp.artifact.S3ArtifactStore;
import dev.dxcp.gatesim.GateSimulator;
import dev.dxcp.gatesim.control.GateSimulatorConfig;
import dev.dxcp.server.DxcpServerApplication;
import dev.dxcp.server.wiring.ArtifactWiring.ArtifactLocation;
import dev.dxcp.testsupport.http.TestHttp;
import dev.dxcp.testsupport.http.TestHttp.Response;
import dev.dxcp.testsupport.postgres.TestPostgres;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Browser tests against an embedded-mode server, as ui.md §6 asks: the development issuer (sign-in by
 * role button), the embedded artifact store with its demo artifacts, the demo data of first start
 * (group default owned by owner@dxcp.local), on PostgreSQL, with a Gate simulator the tests steer.
 * The browser talks to the server through a {@link RecordingProxy}; test set-up calls the API directly.
 */
@SpringBootTest(classes = DxcpServerApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
public abstract class EmbeddedUiTest {
    protected static final String OWNER = "owner@dxcp.local";
    /** Services of the test registry besides the demo ones; each test uses its own. */
    static final List<String> SERVICES = List.of("payments-api", "checkout-web", "ledger-worker", "search-api",
            "notifications", "fraud-scoring", "pricing-api", "catalog-api", "shipping-api", "inventory-api", "billing-api",
            "recommendations", "identity-api", "media-upload", "orders-api", "tax-api", "reports-api", "quotes-api");
    private static final AtomicInteger VERSIONS = new AtomicInteger();
    private static final Environment ENV = new Environment();
    private static RecordingProxy proxy;

    @LocalServerPort
    protected int port;

    @Autowired
    private S3ArtifactStore artifactStore;

    @Autowired
    private ArtifactLocation artifactLocation;

    protected Browser browser;

    /** The parts this server runs on, created once per test JVM. */
    static final class Environment {
        final TestPostgres postgres = TestPostgres.shared();
        final String databaseUrl = postgres.createDatabase("ui");
        final GateSimulator gate = GateSimulator.start(GateSimulatorConfig.builder().port(0)
                .stageDelay(Duration.ofMillis(150)).startDelay(Duration.ofMillis(10)).build());
        final Path dataDir;
        final Path registry;

        Environment() {
            try {
                dataDir = Files.createTempDirectory("dxcp-ui-data");
                registry = dataDir.resolve("services.json");
                List<String> entries = new ArrayList<>();
                List<String> names = new ArrayList<>(DemoArtifacts.SERVICES);
                names.addAll(SERVICES);
                for (String name : names) {
                    entries.add("{\"service_name\":\"" + name + "\",\"allowed_environments\":[\"sandbox\"],"
                            + "\"allowed_recipes\":[\"default\",\"canary\",\"bluegreen\"],\"allowed_artifact_sources\":[]}");
                }
                Files.writeString(registry, "{\"services\":[" + String.join(",", entries) + "]}");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    /** Embedded mode: no DXCP_OIDC_* (the development issuer runs), no DXCP_S3_* (the embedded store). */
    @DynamicPropertySource
    static void embeddedMode(DynamicPropertyRegistry registry) {
        registry.add("DXCP_DB_URL", () -> ENV.databaseUrl);
        registry.add("DXCP_DB_USER", ENV.postgres::user);
        registry.add("DXCP_DB_PASSWORD", ENV.postgres::password);
        registry.add("DXCP_DATA_DIR", ENV.dataDir::toString);
        registry.add("DXCP_SERVICE_REGISTRY_FILE", ENV.registry::toString);
        registry.add("DXCP_GATE_URL", ENV.gate::baseUrl);
        registry.add("DXCP_ENGINE_FIRST_POLL", () -> "50ms");
        registry.add("DXCP_ENGINE_MAX_POLL", () -> "300ms");
    }

    /** A connection of its own to the server's database, for what only the database can do (a lock, a broken table). */
    protected static java.sql.Connection database() throws java.sql.SQLException {
        return java.sql.DriverManager.getConnection(ENV.databaseUrl, ENV.postgres.user(), ENV.postgres.password());
    }

    protected static GateSimulator gate() {
        return ENV.gate;
    }

    protected static RecordingProxy proxy() {
        return proxy;
    }

    @BeforeEach
    void startFromAKnownState() {
        if (proxy == null) {
            proxy = RecordingProxy.to(server(""));
        }
        awaitDemoData();
        baseline();
        awaitNothingInFlight();
        browser = Browser.shared().reset(proxy.url());
        proxy.clear();
    }

    protected String server(String path) {
        return "http://127.0.0.1:" + port + path;
    }

    // ---- tokens from the development issuer ----

    protected String admin() {
        return token("admin", "admin-" + UUID.randomUUID() + "@dxcp.local");
    }

    protected String owner(String email) {
        return token("owner", email);
    }

    private String token(String role, String email) {
        Response answer = TestHttp.post(server("/dev-idp/token/" + role + "?email=" + email), null, null);
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        return answer.json().path("access_token").asText();
    }

    /** The demo CI client's token; the baseline allowlist admits it. */
    protected String ci() {
        Response answer = TestHttp.post(server("/dev-idp/oauth/token"), null,
                Map.of("grant_type", "client_credentials", "client_id", "demo-ci", "client_secret", "demo-ci-secret"));
        return answer.json().path("access_token").asText();
    }

    // ---- API calls for set-up (not through the proxy: the proxy log holds only the browser's traffic) ----

    protected Response get(String path, String token) {
        return TestHttp.get(server(path), token);
    }

    protected Response post(String path, String token, Object body, String... headers) {
        return TestHttp.post(server(path), token, body, headers);
    }

    protected Response put(String path, String token, Object body, String... headers) {
        return TestHttp.put(server(path), token, body, headers);
    }

    /** Generous rate limits, the kill switch off and the demo CI client allowlisted beside the demo data's. */
    private void baseline() {
        String admin = admin();
        assertThat(put("/v1/admin/system/mutations-disabled", admin, Map.of("mutations_disabled", false)).status()).isEqualTo(200);
        assertThat(put("/v1/admin/system/rate-limits", admin,
                Map.of("read_rpm", 5000, "mutate_rpm", 5000, "daily_quota_build_register", 5000)).status()).isEqualTo(200);
        JsonNode publishers = get("/v1/admin/system/ci-publishers", admin).json().path("publishers");
        boolean demoCi = false;
        for (JsonNode publisher : publishers) {
            demoCi |= "demo-ci".equals(publisher.path("name").asText());
        }
        if (!demoCi) {
            List<Object> list = new ArrayList<>(TestHttp.JSON.convertValue(publishers, List.class));
            list.add(Map.of("name", "demo-ci", "provider", "custom", "subjects", List.of("demo-ci@clients")));
            Response saved = put("/v1/admin/system/ci-publishers", admin, Map.of("publishers", list),
                    "Idempotency-Key", UUID.randomUUID().toString());
            assertThat(saved.status()).as(saved.body()).isEqualTo(200);
        }
    }

    /** The demo data loads on its own thread after start-up; its deployment must have finished. */
    private void awaitDemoData() {
        String admin = admin();
        await("the embedded demo data", () -> get("/v1/builds?service=demo-service&version=1.1.0", admin).status() == 200
                && get("/v1/deployments?service=demo-service", admin).json().size() > 0);
    }

    protected void awaitNothingInFlight() {
        String admin = admin();
        await("no deployment in flight", () -> get("/v1/deployments?state=IN_PROGRESS", admin).json().isEmpty()
                && get("/v1/deployments?state=ACTIVE", admin).json().isEmpty());
    }

    // ---- builds, groups, deployments ----

    /** A version no other test uses. */
    protected static String newVersion() {
        return "2." + VERSIONS.incrementAndGet() + "." + (System.nanoTime() % 1000);
    }

    /** Puts the artifact into the embedded store and registers it as the demo CI would. */
    protected void register(String service, String version) {
        String key = DemoArtifacts.keyOf(service, version);
        artifactStore.put(artifactLocation.bucket(), key, DemoArtifacts.zipOf(service, version), DemoArtifacts.CONTENT_TYPE);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("service", service);
        body.put("version", version);
        body.put("artifactRef", "s3://" + artifactLocation.bucket() + "/" + key);
        body.put("git_sha", "9c1e5b7d3a2f4e6c8b0a1d2e3f4a5b6c7d8e9f0a");
        body.put("git_branch", "main");
        body.put("ci_provider", "github");
        body.put("ci_run_id", "run-" + version);
        body.put("built_at", "2026-03-01T10:15:30Z");
        Response answer = post("/v1/builds/register", ci(), body, "Idempotency-Key", UUID.randomUUID().toString());
        assertThat(answer.status()).as(answer.body()).isIn(200, 201);
    }

    /** Deploys through the API and waits for the end; returns the record. */
    protected JsonNode deployed(String service, String version, String token) {
        JsonNode record = deploy(service, version, token, null);
        return awaitTerminal(record.path("id").asText());
    }

    /** Two versions registered and deployed to sandbox one after the other: the records, older first. */
    protected List<JsonNode> twoReleases(String service) {
        String older = newVersion();
        String newer = newVersion();
        register(service, older);
        register(service, newer);
        return List.of(deployed(service, older, owner(OWNER)), deployed(service, newer, owner(OWNER)));
    }

    protected JsonNode deploy(String service, String version, String token, String recipeId) {
        Map<String, Object> intent = new LinkedHashMap<>(Map.of("service", service, "environment", "sandbox",
                "version", version, "changeSummary", "release " + version + " of " + service));
        if (recipeId != null) {
            intent.put("recipeId", recipeId);
        }
        Response answer = post("/v1/deployments", token, intent, "Idempotency-Key", UUID.randomUUID().toString());
        assertThat(answer.status()).as(answer.body()).isEqualTo(201);
        return answer.json();
    }

    protected JsonNode awaitTerminal(String id) {
        String admin = admin();
        JsonNode[] last = new JsonNode[1];
        await("deployment " + id + " to end", () -> {
            last[0] = get("/v1/deployments/" + id, admin).json();
            return List.of("SUCCEEDED", "FAILED", "CANCELED", "ROLLED_BACK").contains(last[0].path("state").asText());
        });
        return last[0];
    }

    /** Lets a deployment waiting at the simulator's manual judgment (canary recipe) go on to success. */
    protected void continueJudgment(String deploymentId) {
        String admin = admin();
        await("the manual judgment of " + deploymentId, () -> {
            String execution = get("/v1/deployments/" + deploymentId, admin).json().path("engineExecutionId").asText("");
            if (execution.isEmpty()) {
                return false;
            }
            try {
                gate().judgment(execution, dev.dxcp.gatesim.control.Judgment.CONTINUE);
                return true;
            } catch (RuntimeException notWaitingYet) {
                return false;
            }
        });
    }

    /**
     * Moves a service out of group default into a group of its own (a service belongs to one group),
     * with these owners and guardrails.
     */
    protected void ownGroup(String groupId, String name, String owners, Map<String, Integer> guardrails, String... services) {
        String admin = admin();
        JsonNode existing = get("/v1/delivery-groups/" + groupId, admin).json();
        ObjectNode defaultGroup = (ObjectNode) get("/v1/delivery-groups/default", admin).json();
        var remaining = TestHttp.JSON.createArrayNode();
        defaultGroup.path("services").forEach(s -> {
            if (!List.of(services).contains(s.asText())) {
                remaining.add(s);
            }
        });
        if (remaining.size() != defaultGroup.path("services").size()) {
            defaultGroup.set("services", remaining);
            Response moved = put("/v1/delivery-groups/default", admin, defaultGroup);
            assertThat(moved.status()).as(moved.body()).isEqualTo(200);
        }
        Map<String, Object> group = new LinkedHashMap<>();
        group.put("id", groupId);
        group.put("name", name);
        group.put("services", List.of(services));
        group.put("allowed_recipes", List.of("default", "canary", "bluegreen"));
        group.put("owner", owners);
        group.put("guardrails", guardrails);
        Response saved = existing.has("id") ? put("/v1/delivery-groups/" + groupId, admin, group)
                : post("/v1/delivery-groups", admin, group);
        assertThat(saved.status()).as(saved.body()).isIn(200, 201);
    }

    // ---- browser ----

    /** The sign-in page's role button, with an optional email; lands on the services list. */
    protected void signIn(String roleButton, String email) {
        browser.open("/signin");
        if (email != null) {
            browser.type("signin-email", email);
        }
        browser.clickButton(roleButton);
        browser.byTestId("role-badge");
    }

    protected static void await(String what, java.util.function.BooleanSupplier condition) {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("Timed out waiting for " + what);
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }
}
