package dev.dxcp.artifact;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class EmbeddedS3ServerTest {

    @Test
    void fileBackedServerKeepsObjectsAndContentTypesAcrossRestart(@TempDir Path tmp) {
        Path dataDir = tmp.resolve("s3-data");
        String sha256;
        try (var server = EmbeddedS3Server.start(dataDir, 0);
             var store = new S3ArtifactStore(server.storeSettings())) {
            store.ensureBucket("kept");
            store.put("kept", "svc/svc-1.0.0.zip", DemoArtifacts.zipOf("svc", "1.0.0"), "application/zip");
            store.put("kept", "svc/svc-1.0.0.tgz", new byte[] {1, 2, 3}, "application/gzip");
            sha256 = store.digest("kept", "svc/svc-1.0.0.zip").sha256();
        }
        assertThat(dataDir.resolve("kept")).isDirectory();

        try (var restarted = EmbeddedS3Server.start(dataDir, 0);
             var store = new S3ArtifactStore(restarted.storeSettings())) {
            assertThat(store.digest("kept", "svc/svc-1.0.0.zip").sha256()).isEqualTo(sha256);
            assertThat(store.head("kept", "svc/svc-1.0.0.tgz")).isInstanceOfSatisfying(ObjectLookup.Found.class,
                    found -> assertThat(found.contentType()).isEqualTo("application/gzip"));
        }
    }

    /**
     * The server's default data directory is {@code ./data}: relative, with a "." component. The store
     * must serve buckets under it whatever the path's spelling, as under an absolute, clean one.
     */
    @ParameterizedTest
    @ValueSource(strings = {"./%s/s3", "%s/s3", "%s/x/../s3", "./%s/./s3/"})
    void relativeDataDirectoriesServeBucketsLikeAbsoluteOnes(String spelling) throws IOException {
        Path scratch = Files.createTempDirectory(Path.of("target"), "relative-s3-");
        Path relative = Path.of(spelling.formatted(Path.of("target").resolve(scratch.getFileName())));
        assertThat(relative.isAbsolute()).isFalse();
        try (var server = EmbeddedS3Server.start(relative, 0);
             var store = new S3ArtifactStore(server.storeSettings())) {
            store.ensureBucket("relative");
            store.put("relative", "svc/a.zip", new byte[] {1, 2}, "application/zip");
            assertThat(store.head("relative", "svc/a.zip")).isInstanceOf(ObjectLookup.Found.class);
        }
        assertThat(scratch.resolve("s3/relative/svc/a.zip")).isRegularFile();
    }

    @Test
    void inMemoryServerForgetsEverythingOnRestart() {
        try (var first = InMemoryS3.start()) {
            first.store.ensureBucket("gone");
            first.store.put("gone", "a.zip", new byte[] {1}, "application/zip");
        }
        try (var second = InMemoryS3.start()) {
            assertThat(second.store.head("gone", "a.zip")).isEqualTo(ObjectLookup.MISSING);
        }
    }

    @Test
    void listensOnTheRequestedLoopbackPortAndFreesItOnStop() throws IOException {
        int port = freePort();
        try (var server = EmbeddedS3Server.start(null, port)) {
            assertThat(server.endpoint()).hasToString("http://127.0.0.1:" + port);
            assertThat(server.port()).isEqualTo(port);
        }
        try (var again = EmbeddedS3Server.start(null, port)) {
            assertThat(again.port()).isEqualTo(port);
        }
    }

    @Test
    void portZeroPicksAFreePortAndTheDefaultKeysAreThoseDocumented() {
        try (var server = EmbeddedS3Server.start(null, 0)) {
            assertThat(server.port()).isPositive();
            assertThat(server.accessKey()).isEqualTo(EmbeddedS3Server.DEFAULT_ACCESS_KEY);
            assertThat(server.secretKey()).isEqualTo(EmbeddedS3Server.DEFAULT_SECRET_KEY);
        }
    }

    @Test
    void givenKeysAreTheOnlyOnesAccepted() {
        try (var server = EmbeddedS3Server.start(null, 0, "ci-key", "ci-secret");
             var owner = new S3ArtifactStore(server.storeSettings());
             var stranger = new S3ArtifactStore(S3StoreSettings.s3Compatible(
                     server.endpoint(), EmbeddedS3Server.DEFAULT_ACCESS_KEY, EmbeddedS3Server.DEFAULT_SECRET_KEY))) {
            owner.ensureBucket("private");
            owner.put("private", "a.zip", new byte[] {1}, "application/zip");

            assertThat(owner.head("private", "a.zip")).isInstanceOf(ObjectLookup.Found.class);
            assertThat(stranger.head("private", "a.zip")).isInstanceOf(ObjectLookup.Unavailable.class);
        }
    }

    @Test
    void portAlreadyTakenFailsTheStartWithTheAddressInTheMessage() throws IOException {
        try (var taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            assertThatThrownBy(() -> EmbeddedS3Server.start(null, taken.getLocalPort()))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("127.0.0.1:" + taken.getLocalPort());
        }
    }

    @Test
    void missingDataDirectoryIsCreated(@TempDir Path tmp) {
        Path nested = tmp.resolve("a/b/c");
        try (var server = EmbeddedS3Server.start(nested, 0)) {
            assertThat(Files.isDirectory(nested)).isTrue();
        }
    }

    private static int freePort() throws IOException {
        try (var socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
