package dev.dxcp.saga.artifact;

import dev.dxcp.artifact.S3ArtifactStore;
import dev.dxcp.artifact.S3StoreSettings;
import dev.dxcp.events.build.BuildRecord;
import dev.dxcp.events.common.Rejection;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import java.util.function.UnaryOperator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * An artifact store that cannot be read is 500 INTERNAL_ERROR, and the store's own words (endpoint, SDK
 * message) stay out of the operator hint: with demo mode on, the hint reaches the CI caller. The real S3
 * adapter, against a port nobody listens on.
 */
class StoreArtifactVerifierTest {

    @Test
    void anUnreadableStoreIsAnInternalErrorWhoseHintHoldsNoInternalText() throws IOException {
        int port = closedPort();
        try (S3ArtifactStore store = new S3ArtifactStore(S3StoreSettings
                .s3Compatible(URI.create("http://127.0.0.1:" + port), "key", "secret")
                .withTimeouts(Duration.ofSeconds(1), Duration.ofSeconds(2)))) {
            StoreArtifactVerifier verifier = new StoreArtifactVerifier(store, Set.of("s3"), "artifacts",
                    UnaryOperator.identity());
            assertThatThrownBy(() -> verifier.measure(build("s3://artifacts/demo-service/demo-service-1.0.0.zip")))
                    .isInstanceOfSatisfying(Rejection.class, rejection -> {
                        assertThat(rejection.code()).isEqualTo("INTERNAL_ERROR");
                        assertThat(rejection.error().status()).isEqualTo(500);
                        assertThat(rejection.operatorHint()).contains("request_id")
                                .doesNotContain("127.0.0.1").doesNotContain(String.valueOf(port))
                                .doesNotContainIgnoringCase("exception").doesNotContain("s3://");
                    });
        }
    }

    private static BuildRecord build(String artifactRef) {
        return new BuildRecord("b-1", "demo-service", "1.0.0", artifactRef, "abc", "main", "ci", "github", "1",
                Instant.parse("2026-01-01T00:00:00Z"), null, null, null, null, null, null, null, null, null);
    }

    private static int closedPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
