package dev.dxcp.artifact;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;

import org.junit.jupiter.api.Test;

class UnreachableStoreTest {

    @Test
    void headAgainstClosedPortIsUnavailableWellWithinTheHeadTimeout() throws IOException {
        try (var store = storeAt(closedPort(), Duration.ofSeconds(2))) {
            long started = System.nanoTime();

            ObjectLookup lookup = store.head("artifacts", "demo-service/demo-service-1.0.0.zip");

            assertThat(lookup).isInstanceOf(ObjectLookup.Unavailable.class);
            assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(2));
        }
    }

    @Test
    void headAgainstServerThatNeverAnswersGivesUpAtTheHeadTimeout() throws IOException {
        // The kernel completes the TCP handshake into the backlog; nobody ever reads or answers.
        try (var silent = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
             var store = storeAt(silent.getLocalPort(), Duration.ofSeconds(1))) {
            long started = System.nanoTime();

            ObjectLookup lookup = store.head("artifacts", "demo-service/demo-service-1.0.0.zip");

            assertThat(lookup).isInstanceOfSatisfying(ObjectLookup.Unavailable.class,
                    unavailable -> assertThat(unavailable.reason()).contains("1000 ms"));
            assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofMillis(2_500));
        }
    }

    @Test
    void digestAgainstClosedPortIsAReadFailureNotAMissingArtifact() throws IOException {
        try (var store = storeAt(closedPort(), Duration.ofSeconds(1))) {
            assertThatThrownBy(() -> store.digest("artifacts", "a.zip"))
                    .isInstanceOf(ArtifactReadException.class)
                    .isNotInstanceOf(ArtifactNotFoundException.class);
        }
    }

    @Test
    void listAgainstClosedPortIsADiscoveryFailureWithAContractSizedMessage() throws IOException {
        try (var store = storeAt(closedPort(), Duration.ofSeconds(1))) {
            assertThatThrownBy(() -> store.list("artifacts", "demo-service/"))
                    .isInstanceOf(ArtifactDiscoveryException.class)
                    .satisfies(e -> assertThat(e.getMessage()).hasSizeLessThanOrEqualTo(240).contains("s3://artifacts/demo-service/"));
        }
    }

    private static S3ArtifactStore storeAt(int port, Duration headTimeout) {
        return new S3ArtifactStore(S3StoreSettings
                .s3Compatible(URI.create("http://127.0.0.1:" + port), "key", "secret")
                .withHeadTimeout(headTimeout)
                .withTimeouts(Duration.ofSeconds(1), Duration.ofSeconds(2)));
    }

    private static int closedPort() throws IOException {
        try (var socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
