package dev.dxcp.bench.rig;

import dev.dxcp.artifact.DemoArtifacts;
import dev.dxcp.artifact.EmbeddedS3Server;
import dev.dxcp.artifact.S3ArtifactStore;
import dev.dxcp.events.build.ArtifactRef;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * The S3-compatible store the server verifies artifacts in: artifact-store's embedded S3 server, here in
 * the benchmark's JVM and outside the server's, as a real S3 would be. Objects live in a scratch directory
 * (a 500 MB artifact would not fit the benchmark's heap). Every upload declares its sha256, which the store
 * checks and keeps, as a CI client uploading with {@code --checksum-algorithm SHA256} does.
 */
public final class ArtifactBucket implements AutoCloseable {
    public static final String BUCKET = "bench-artifacts";
    private static final int UPLOAD_THREADS = 4;

    private final EmbeddedS3Server s3;
    private final S3ArtifactStore store;

    private ArtifactBucket(EmbeddedS3Server s3, S3ArtifactStore store) {
        this.s3 = s3;
        this.store = store;
    }

    public static ArtifactBucket start(Path directory) {
        EmbeddedS3Server s3 = EmbeddedS3Server.start(directory, 0);
        S3ArtifactStore store = new S3ArtifactStore(s3.storeSettings());
        store.ensureBucket(BUCKET);
        return new ArtifactBucket(s3, store);
    }

    /** The server's settings for this store; its S3 client takes credentials from the AWS variables. */
    public Map<String, String> serverSettings() {
        return Map.of("DXCP_S3_ENDPOINT", s3.endpoint().toString(), "DXCP_ARTIFACT_BUCKET", BUCKET,
                "AWS_ACCESS_KEY_ID", s3.accessKey(), "AWS_SECRET_ACCESS_KEY", s3.secretKey(),
                "AWS_REGION", "us-east-1");
    }

    public static String artifactRef(String service, String version) {
        return ArtifactRef.s3(BUCKET, DemoArtifacts.keyOf(service, version));
    }

    /** Uploads one small zip per build, a few at a time; answers when all are stored. */
    public void publish(List<Map.Entry<String, String>> serviceVersions) {
        ExecutorService uploads = Executors.newFixedThreadPool(UPLOAD_THREADS);
        try {
            List<Future<?>> pending = serviceVersions.stream().<Future<?>>map(build -> uploads.submit(() -> store.put(BUCKET,
                    DemoArtifacts.keyOf(build.getKey(), build.getValue()),
                    DemoArtifacts.zipOf(build.getKey(), build.getValue()), DemoArtifacts.CONTENT_TYPE))).toList();
            for (Future<?> upload : pending) {
                upload.get();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (java.util.concurrent.ExecutionException e) {
            throw new IllegalStateException("artifact upload failed", e.getCause());
        } finally {
            uploads.shutdownNow();
        }
    }

    /**
     * Writes one file of {@code sizeBytes} (a repeated pseudo-random block: hashing it costs what hashing any
     * bytes costs) and uploads it once for each build.
     */
    public void publishLarge(List<Map.Entry<String, String>> serviceVersions, long sizeBytes, Path scratch) {
        Path file = scratch.resolve("large-artifact.zip");
        try {
            byte[] block = new byte[1 << 20];
            new Random(11).nextBytes(block);
            try (OutputStream out = Files.newOutputStream(file)) {
                for (long written = 0; written < sizeBytes; written += block.length) {
                    out.write(block, 0, (int) Math.min(block.length, sizeBytes - written));
                }
            }
            for (Map.Entry<String, String> build : serviceVersions) {
                store.put(BUCKET, DemoArtifacts.keyOf(build.getKey(), build.getValue()), file,
                        DemoArtifacts.CONTENT_TYPE);
            }
            Files.delete(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the large artifact in " + scratch, e);
        }
    }

    @Override
    public void close() {
        store.close();
        s3.stop();
    }
}
