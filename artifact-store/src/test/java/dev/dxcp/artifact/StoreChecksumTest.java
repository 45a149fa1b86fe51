package dev.dxcp.artifact;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.GetObjectRequest;
import software.amazon.awssdk.services.s3.model.S3Exception;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.Base64;
import java.util.HexFormat;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The embedded S3 server keeps the {@code x-amz-checksum-sha256} an upload declares, checks it against the
 * bytes, and returns it on a HEAD with checksum mode; the store then measures an artifact from that
 * metadata instead of reading it (decision 153). Requests are counted by an interceptor on the real client.
 */
class StoreChecksumTest {
    private static final String BUCKET = "checksums";
    private static EmbeddedS3Server server;
    private static final AtomicInteger gets = new AtomicInteger();
    private static S3Client client;
    private static S3ArtifactStore store;

    @BeforeAll
    static void start() {
        server = EmbeddedS3Server.start(null, 0);
        client = S3Client.builder().region(Region.US_EAST_1).endpointOverride(server.endpoint()).forcePathStyle(true)
                .credentialsProvider(StaticCredentialsProvider.create(
                        AwsBasicCredentials.create(server.accessKey(), server.secretKey())))
                .overrideConfiguration(c -> c.addExecutionInterceptor(new ExecutionInterceptor() {
                    @Override
                    public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
                        if (context.request() instanceof GetObjectRequest) {
                            gets.incrementAndGet();
                        }
                    }
                }))
                .build();
        store = new S3ArtifactStore(client, Duration.ofSeconds(5));
        store.ensureBucket(BUCKET);
    }

    @AfterAll
    static void stop() {
        store.close();
        server.stop();
    }

    @BeforeEach
    void countFromZero() {
        gets.set(0);
    }

    @Test
    void anArtifactUploadedWithItsChecksumIsMeasuredFromTheStoresMetadataWithoutReadingIt() {
        byte[] content = "a build with a checksum".getBytes(StandardCharsets.UTF_8);
        store.put(BUCKET, "with/checksum.zip", content, "application/zip");

        ArtifactDigest digest = store.digest(BUCKET, "with/checksum.zip");

        assertThat(digest.sha256()).isEqualTo(sha256Hex(content));
        assertThat(digest.sizeBytes()).isEqualTo(content.length);
        assertThat(digest.contentType()).isEqualTo("application/zip");
        assertThat(gets.get()).as("object reads").isZero();
        assertThat(store.head(BUCKET, "with/checksum.zip"))
                .isInstanceOfSatisfying(ObjectLookup.Found.class,
                        found -> assertThat(found.sha256()).isEqualTo(sha256Hex(content)));
    }

    @Test
    void anArtifactUploadedWithoutAChecksumIsReadOnceAndHashed() {
        byte[] content = "a build without a checksum".getBytes(StandardCharsets.UTF_8);
        client.putObject(r -> r.bucket(BUCKET).key("without/checksum.zip").contentType("application/zip"),
                RequestBody.fromBytes(content));

        assertThat(store.head(BUCKET, "without/checksum.zip"))
                .isInstanceOfSatisfying(ObjectLookup.Found.class, found -> assertThat(found.sha256()).isNull());
        ArtifactDigest digest = store.digest(BUCKET, "without/checksum.zip");

        assertThat(digest.sha256()).isEqualTo(sha256Hex(content));
        assertThat(gets.get()).as("object reads").isEqualTo(1);
    }

    @Test
    void theStoreRefusesAnUploadWhoseDeclaredChecksumIsNotThatOfItsBytes() {
        String wrong = Base64.getEncoder().encodeToString(sha256("other bytes".getBytes(StandardCharsets.UTF_8)));

        assertThatThrownBy(() -> client.putObject(r -> r.bucket(BUCKET).key("forged/checksum.zip")
                        .contentType("application/zip").checksumSHA256(wrong),
                RequestBody.fromString("the real bytes"))).isInstanceOf(S3Exception.class);
        assertThat(store.head(BUCKET, "forged/checksum.zip")).isEqualTo(ObjectLookup.MISSING);
    }

    @Test
    void aMissingArtifactIsNotFoundWithoutAnyRead() {
        assertThatThrownBy(() -> store.digest(BUCKET, "never/uploaded.zip"))
                .isInstanceOf(ArtifactNotFoundException.class);
        assertThat(gets.get()).isZero();
    }

    private static String sha256Hex(byte[] content) {
        return HexFormat.of().formatHex(sha256(content));
    }

    private static byte[] sha256(byte[] content) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(content);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
