package dev.dxcp.server.e2e;

import dev.dxcp.artifact.DemoArtifacts;
import dev.dxcp.artifact.EmbeddedS3Server;
import dev.dxcp.artifact.S3ArtifactStore;
import dev.dxcp.gatesim.GateSimulator;
import dev.dxcp.gatesim.control.GateSimulatorConfig;
import dev.dxcp.testsupport.jwt.TestIdentityProvider;
import dev.dxcp.testsupport.postgres.TestPostgres;
import org.springframework.test.context.DynamicPropertyRegistry;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The real parts every end-to-end test runs against, started once per test JVM: PostgreSQL, an
 * OIDC-style issuer serving its JWKS over HTTP, and an S3-compatible server over HTTP.
 */
public final class DxcpTestEnvironment {
    public static final String BUCKET = "e2e-artifacts";
    public static final int REGISTRY_SERVICES = 160;
    public static final String UI_CLIENT_ID = "dxcp-ui";

    private static DxcpTestEnvironment instance;

    public final TestPostgres postgres;
    public final String databaseUrl;
    public final TestIdentityProvider identity;
    public final EmbeddedS3Server s3;
    public final S3ArtifactStore artifacts;
    public final GateSimulator gate;
    public final Path dataDir;
    public final Path registryFile;

    private DxcpTestEnvironment() {
        postgres = TestPostgres.shared();
        databaseUrl = postgres.createDatabase("e2e");
        identity = TestIdentityProvider.start();
        s3 = EmbeddedS3Server.start(null, 0);
        artifacts = new S3ArtifactStore(s3.storeSettings());
        artifacts.ensureBucket(BUCKET);
        gate = GateSimulator.start(GateSimulatorConfig.builder().port(0).stageDelay(Duration.ofMillis(40))
                .startDelay(Duration.ofMillis(10)).build());
        DemoArtifacts.in(artifacts).seed(BUCKET);
        try {
            dataDir = Files.createTempDirectory("dxcp-e2e-data");
            registryFile = dataDir.resolve("services.json");
            Files.writeString(registryFile, registryJson());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        // The server's S3 client reads credentials from the default AWS chain, as in production.
        System.setProperty("aws.accessKeyId", s3.accessKey());
        System.setProperty("aws.secretAccessKey", s3.secretKey());
    }

    public static synchronized DxcpTestEnvironment get() {
        if (instance == null) {
            instance = new DxcpTestEnvironment();
        }
        return instance;
    }

    /** Configures the server exactly as an operator would, through DXCP_* settings. */
    public void register(DynamicPropertyRegistry registry) {
        registry.add("DXCP_DB_URL", () -> databaseUrl);
        registry.add("DXCP_DB_USER", postgres::user);
        registry.add("DXCP_DB_PASSWORD", postgres::password);
        registry.add("DXCP_OIDC_ISSUER", identity::issuer);
        registry.add("DXCP_OIDC_AUDIENCE", identity::audience);
        registry.add("DXCP_OIDC_JWKS_URL", identity::jwksUrl);
        // The web UI signs in against the same issuer (authorization code + PKCE) as this public client.
        registry.add("DXCP_UI_OIDC_CLIENT_ID", () -> UI_CLIENT_ID);
        registry.add("dxcp.oidc.jwks-refresh-min-interval", () -> "0s");
        registry.add("DXCP_S3_ENDPOINT", () -> s3.endpoint().toString());
        registry.add("DXCP_ARTIFACT_BUCKET", () -> BUCKET);
        registry.add("DXCP_DATA_DIR", dataDir::toString);
        registry.add("DXCP_SERVICE_REGISTRY_FILE", registryFile::toString);
        registry.add("DXCP_DEMO_MODE", () -> "false");
        registry.add("DXCP_GATE_URL", gate::baseUrl);
        registry.add("DXCP_ENGINE_FIRST_POLL", () -> "30ms");
        // Stub mode's in-process simulator, when a test switches the engine adapter to it.
        registry.add("DXCP_SIMULATOR_STAGE_DELAY", () -> "40ms");
        registry.add("DXCP_ENGINE_MAX_POLL", () -> "200ms");
        // Webhook retries within the test's patience: 300 ms, 600 ms, 1.2 s, then failed.
        registry.add("DXCP_NOTIFY_FIRST_RETRY", () -> "300ms");
        registry.add("DXCP_NOTIFY_MAX_ATTEMPTS", () -> "4");
        registry.add("DXCP_NOTIFY_POLL_INTERVAL", () -> "100ms");
        // Short enough that the engine-fault tests see a timeout and its retries within the trigger wait.
        registry.add("DXCP_GATE_READ_TIMEOUT", () -> "2s");
        registry.add("spring.codec.max-in-memory-size", () -> "65536");
        registry.add("DXCP_CORS_ORIGINS", () -> CorsEndToEndTest.PORTAL + ", " + CorsEndToEndTest.OTHER_UI + "/");
    }

    /** Services tests may use: the demo ones plus e2e-svc-1..N, all allowing the standard recipes. */
    private static String registryJson() {
        List<String> entries = new ArrayList<>();
        List<String> names = new ArrayList<>(List.of("demo-service", "demo-service-2"));
        for (int i = 1; i <= REGISTRY_SERVICES; i++) {
            names.add("e2e-svc-" + i);
        }
        for (String name : names) {
            entries.add("{\"service_name\":\"" + name + "\",\"allowed_environments\":[\"sandbox\"],"
                    + "\"allowed_recipes\":[\"default\",\"canary\",\"bluegreen\"],\"allowed_artifact_sources\":[]}");
        }
        return "{\"services\":[" + String.join(",", entries) + "]}";
    }

    /** Uploads an artifact for a service/version and returns its artifactRef. */
    public String publish(String service, String version) {
        String key = DemoArtifacts.keyOf(service, version);
        artifacts.put(BUCKET, key, DemoArtifacts.zipOf(service, version), "application/zip");
        return "s3://" + BUCKET + "/" + key;
    }
}
