package dev.dxcp.artifact;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;

import org.gaul.s3proxy.S3Proxy;
import org.gaul.s3proxy.auth.AuthenticationType;
import org.gaul.s3proxy.blobstore.BlobStore;
import org.gaul.s3proxy.nio2blob.FilesystemNio2BlobStore;
import org.gaul.s3proxy.nio2blob.TransientNio2BlobStore;

/**
 * A real S3-compatible HTTP server inside the DXCP process (S3Proxy, see DECISION.md), so the
 * embedded mode needs no install and tests talk S3 over HTTP instead of mocking the store.
 *
 * <p>It listens on 127.0.0.1 only and checks AWS signatures (V2 or V4) against one key pair:
 * {@link #DEFAULT_ACCESS_KEY}/{@link #DEFAULT_SECRET_KEY} unless others are given. Buckets are
 * directories of the data directory and objects are files in them, with the content type and
 * other metadata in the files' extended attributes (the file system must support user xattrs,
 * as ext4, xfs and btrfs do). Without a data directory everything lives in memory.
 */
public final class EmbeddedS3Server implements AutoCloseable {

    public static final String DEFAULT_ACCESS_KEY = "dxcp-embedded";
    public static final String DEFAULT_SECRET_KEY = "dxcp-embedded-secret";

    private static final String HOST = "127.0.0.1";
    /** Enough for DXCP's handful of concurrent calls; the default of 200 would only cost memory. */
    private static final int MAX_THREADS = 24;
    /**
     * Stop at once instead of draining: the only client is the DXCP process that is itself
     * shutting down, and a graceful drain would wait on the idle keep-alive connections its
     * S3 client holds open, then fail the stop with a timeout.
     */
    private static final long STOP_DRAIN_MILLIS = 0;

    private final S3Proxy proxy;
    private final String accessKey;
    private final String secretKey;

    private EmbeddedS3Server(S3Proxy proxy, String accessKey, String secretKey) {
        this.proxy = proxy;
        this.accessKey = accessKey;
        this.secretKey = secretKey;
    }

    /** Starts with the default key pair. */
    public static EmbeddedS3Server start(Path dataDirOrNull, int port) {
        return start(dataDirOrNull, port, DEFAULT_ACCESS_KEY, DEFAULT_SECRET_KEY);
    }

    /**
     * @param dataDirOrNull directory to keep buckets in (created if absent, survives restarts);
     *                      null keeps everything in memory for the life of this server
     * @param port          TCP port on 127.0.0.1; 0 picks a free one (see {@link #endpoint()})
     */
    public static EmbeddedS3Server start(Path dataDirOrNull, int port, String accessKey, String secretKey) {
        Objects.requireNonNull(accessKey, "accessKey");
        Objects.requireNonNull(secretKey, "secretKey");
        if (port < 0 || port > 65_535) {
            throw new IllegalArgumentException("port must be 0..65535, was " + port);
        }
        S3Proxy proxy = S3Proxy.builder()
                .blobStore(blobStore(dataDirOrNull))
                .endpoint(URI.create("http://" + HOST + ":" + port))
                .awsAuthentication(AuthenticationType.AWS_V2_OR_V4, accessKey, secretKey)
                .jettyMaxThreads(MAX_THREADS)
                .stopTimeout(STOP_DRAIN_MILLIS)
                .build();
        try {
            proxy.start();
        } catch (Exception e) {
            stopQuietly(proxy);
            throw new IllegalStateException("embedded S3 server did not start on " + HOST + ":" + port, e);
        }
        return new EmbeddedS3Server(proxy, accessKey, secretKey);
    }

    private static BlobStore blobStore(Path dataDir) {
        if (dataDir == null) {
            return new TransientNio2BlobStore();
        }
        try {
            Files.createDirectories(dataDir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create embedded S3 data directory " + dataDir, e);
        }
        // S3Proxy refuses (400) every bucket whose normalized path does not start with its root as given,
        // so a root spelled with "." or ".." (the default ./data) would refuse them all: hand it a clean one.
        return new FilesystemNio2BlobStore(dataDir.toAbsolutePath().normalize().toString());
    }

    /** {@code http://127.0.0.1:<port>}, for path-style S3 clients. */
    public URI endpoint() {
        return URI.create("http://" + HOST + ":" + port());
    }

    public int port() {
        return proxy.getPort();
    }

    public String accessKey() {
        return accessKey;
    }

    public String secretKey() {
        return secretKey;
    }

    /** Settings for an {@link S3ArtifactStore} that talks to this server. */
    public S3StoreSettings storeSettings() {
        return S3StoreSettings.s3Compatible(endpoint(), accessKey, secretKey);
    }

    public void stop() {
        try {
            proxy.stop();
        } catch (Exception e) {
            throw new IllegalStateException("embedded S3 server did not stop cleanly", e);
        }
    }

    @Override
    public void close() {
        stop();
    }

    private static void stopQuietly(S3Proxy proxy) {
        try {
            proxy.stop();
        } catch (Exception ignored) {
            // Start already failed; that failure is the one worth reporting.
        }
    }
}
