package dev.dxcp.server.e2e;

import dev.dxcp.server.DxcpServerApplication;
import dev.dxcp.testsupport.http.TestHttp;
import dev.dxcp.testsupport.http.TestHttp.Response;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The development issuer mints admin tokens for whoever asks, so it answers callers on this machine only,
 * even when SERVER_ADDRESS opens the server to the network, and even when the caller claims to be local
 * in forwarded headers the server has been told to honour. Called here through this machine's own
 * non-loopback address, which makes the server see a non-loopback peer.
 */
@SpringBootTest(classes = DxcpServerApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class DevIssuerExposureEndToEndTest {
    private static final Path DATA_DIR = temporaryDirectory();
    private static final List<String> ISSUER_PATHS = List.of("/dev-idp/token/admin", "/dev-idp/token/owner",
            "/dev-idp/oauth/token", "/dev-idp/.well-known/jwks.json", "/dev-idp/.well-known/openid-configuration");

    @LocalServerPort
    int port;

    private InetAddress external;

    @DynamicPropertySource
    static void embeddedButOpenToTheNetwork(DynamicPropertyRegistry registry) {
        registry.add("DXCP_DATA_DIR", DATA_DIR::toString);
        registry.add("server.address", () -> "0.0.0.0");
        // Spring then rewrites the request's remote address from Forwarded / X-Forwarded-For.
        registry.add("server.forward-headers-strategy", () -> "framework");
    }

    @BeforeEach
    void callThroughANonLoopbackAddress() {
        external = LocalAddresses.nonLoopback().orElse(null);
        assumeTrue(external != null, "this machine has no non-loopback address to call through");
    }

    @Test
    void theServerIsOpenToTheNetworkButTheIssuerAnswersOnlyLoopbackCallers() {
        assertThat(TestHttp.get(LocalAddresses.url(external, port, "/v1/health"), null).status()).isEqualTo(200);
        assertThat(TestHttp.post("http://127.0.0.1:" + port + "/dev-idp/token/admin", null, null).json()
                .path("access_token").asText()).isNotBlank();
        for (String path : ISSUER_PATHS) {
            Response remote = call(path);
            assertThat(remote.status()).as(path).isEqualTo(404);
            assertThat(remote.body()).as(path).doesNotContain("access_token").doesNotContain("\"keys\"");
        }
    }

    @Test
    void aForwardedHeaderClaimingToBeLocalDoesNotOpenTheIssuer() {
        Response forwarded = TestHttp.post(LocalAddresses.url(external, port, "/dev-idp/token/admin"), null, null,
                "X-Forwarded-For", "127.0.0.1", "Forwarded", "for=127.0.0.1");
        assertThat(forwarded.status()).isEqualTo(404);
        assertThat(forwarded.body()).doesNotContain("access_token");
    }

    private Response call(String path) {
        String url = LocalAddresses.url(external, port, path);
        return path.contains("token") ? TestHttp.post(url, null, "{\"grant_type\":\"client_credentials\","
                + "\"client_id\":\"demo-ci\",\"client_secret\":\"demo-ci-secret\"}") : TestHttp.get(url, null);
    }

    private static Path temporaryDirectory() {
        try {
            return Files.createTempDirectory("dxcp-dev-issuer-exposure");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
