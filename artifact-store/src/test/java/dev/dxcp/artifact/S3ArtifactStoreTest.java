package dev.dxcp.artifact;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Response;

class S3ArtifactStoreTest {

    private static final String BUCKET = "artifacts";
    private static InMemoryS3 s3;

    @BeforeAll
    static void startServer() {
        s3 = InMemoryS3.start();
        s3.store.ensureBucket(BUCKET);
    }

    @AfterAll
    static void stopServer() {
        s3.close();
    }

    @Test
    void headOfStoredObjectFindsItsSizeContentTypeAndETag() {
        byte[] content = "hello artifact".getBytes();
        s3.store.put(BUCKET, "head/found.zip", content, "application/zip");

        ObjectLookup lookup = s3.store.head(BUCKET, "head/found.zip");

        assertThat(lookup).isInstanceOfSatisfying(ObjectLookup.Found.class, found -> {
            assertThat(found.sizeBytes()).isEqualTo(content.length);
            assertThat(found.contentType()).isEqualTo("application/zip");
            assertThat(found.lastModified()).isBetween(Instant.now().minusSeconds(60), Instant.now().plusSeconds(60));
            assertThat(found.eTag()).isNotBlank().doesNotContain("\"");
        });
    }

    @Test
    void headOfAbsentKeyIsMissing() {
        assertThat(s3.store.head(BUCKET, "head/never-uploaded.zip")).isEqualTo(ObjectLookup.MISSING);
    }

    @Test
    void headInAbsentBucketIsMissing() {
        assertThat(s3.store.head("no-such-bucket", "any.zip")).isEqualTo(ObjectLookup.MISSING);
    }

    @Test
    void digestOfMultiMegabyteObjectIsTheSha256AndSizeOfTheUploadedBytes() throws Exception {
        byte[] content = new byte[12 * 1024 * 1024 + 17];
        new Random(42).nextBytes(content);
        s3.store.put(BUCKET, "digest/big.zip", content, "application/zip");

        ArtifactDigest digest = s3.store.digest(BUCKET, "digest/big.zip");

        String expected = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        assertThat(digest.sha256()).isEqualTo(expected).matches("[0-9a-f]{64}");
        assertThat(digest.sizeBytes()).isEqualTo(content.length);
        assertThat(digest.contentType()).isEqualTo("application/zip");
    }

    @Test
    void digestReportsTheStoredContentType() {
        s3.store.put(BUCKET, "digest/app.tar.gz", new byte[] {1, 2, 3}, "application/gzip");

        assertThat(s3.store.digest(BUCKET, "digest/app.tar.gz").contentType()).isEqualTo("application/gzip");
    }

    @Test
    void digestOfAbsentObjectIsNotFoundRatherThanReadFailure() {
        assertThatThrownBy(() -> s3.store.digest(BUCKET, "digest/absent.zip"))
                .isInstanceOf(ArtifactNotFoundException.class)
                .hasMessageContaining("s3://artifacts/digest/absent.zip");
    }

    @Test
    void objectDeletedByRetentionHeadsAsMissingAndDigestsAsNotFound() {
        s3.store.put(BUCKET, "retention/app-1.0.0.zip", new byte[] {9}, "application/zip");
        assertThat(s3.store.head(BUCKET, "retention/app-1.0.0.zip")).isInstanceOf(ObjectLookup.Found.class);

        s3.store.delete(BUCKET, "retention/app-1.0.0.zip");

        assertThat(s3.store.head(BUCKET, "retention/app-1.0.0.zip")).isEqualTo(ObjectLookup.MISSING);
        assertThatThrownBy(() -> s3.store.digest(BUCKET, "retention/app-1.0.0.zip"))
                .isInstanceOf(ArtifactNotFoundException.class);
    }

    @Test
    void listFollowsContinuationTokensPastTheThousandObjectPage() throws Exception {
        String bucket = "many";
        s3.store.ensureBucket(bucket);
        Set<String> uploaded = IntStream.range(0, 1_050)
                .mapToObj(i -> String.format("svc/obj-%05d.zip", i))
                .collect(Collectors.toSet());
        putAll(bucket, uploaded);
        s3.store.put(bucket, "other/outside-prefix.zip", new byte[] {1}, "application/zip");

        List<DiscoveredArtifact> listed = s3.store.list(bucket, "svc/");

        assertThat(firstPageOf(bucket, "svc/").isTruncated()).as("one page must not hold them all").isTrue();
        assertThat(listed).extracting(DiscoveredArtifact::key).containsExactlyInAnyOrderElementsOf(uploaded);
        assertThat(listed).allSatisfy(object -> {
            assertThat(object.sizeBytes()).isEqualTo(1);
            assertThat(object.lastModified()).isNotNull();
        });
    }

    @Test
    void listOfEmptyPrefixIsEmpty() {
        assertThat(s3.store.list(BUCKET, "nothing-here/")).isEmpty();
    }

    @Test
    void listOfAbsentBucketIsADiscoveryFailureWithShortMessage() {
        assertThatThrownBy(() -> s3.store.list("no-such-bucket", "svc/"))
                .isInstanceOf(ArtifactDiscoveryException.class)
                .satisfies(e -> assertThat(e.getMessage()).hasSizeLessThanOrEqualTo(240).contains("404"));
    }

    @Test
    void wrongSecretIsACredentialProblemNotAMissingOrDeniedArtifact() {
        s3.store.put(BUCKET, "auth/app.zip", new byte[] {1}, "application/zip");
        var settings = S3StoreSettings.s3Compatible(s3.server.endpoint(), s3.server.accessKey(), "not-the-secret")
                .withHeadTimeout(Duration.ofSeconds(1));
        try (var intruder = new S3ArtifactStore(settings)) {
            // A credential problem skips the preflight (domain §16) instead of blaming the artifact.
            assertThat(intruder.head(BUCKET, "auth/app.zip")).isInstanceOfSatisfying(ObjectLookup.Unavailable.class,
                    unavailable -> assertThat(unavailable.reason()).contains("credentials rejected", "SignatureDoesNotMatch"));
            // GET does carry the error code: a credential problem is a read failure, not a missing artifact.
            assertThatThrownBy(() -> intruder.digest(BUCKET, "auth/app.zip"))
                    .isInstanceOf(ArtifactReadException.class)
                    .hasMessageContaining("403");
        }
    }

    /** A few uploads at a time: 1,050 sequential round trips would dominate the suite's run time. */
    private static void putAll(String bucket, Set<String> keys) throws Exception {
        ExecutorService uploaders = Executors.newFixedThreadPool(8);
        try {
            List<Future<?>> uploads = keys.stream()
                    .<Future<?>>map(key -> uploaders.submit(() -> s3.store.put(bucket, key, new byte[] {1}, "application/zip")))
                    .toList();
            for (Future<?> upload : uploads) {
                upload.get();
            }
        } finally {
            uploaders.shutdownNow();
        }
    }

    private static ListObjectsV2Response firstPageOf(String bucket, String prefix) {
        try (S3Client raw = S3Client.builder()
                .endpointOverride(s3.server.endpoint())
                .forcePathStyle(true)
                .region(software.amazon.awssdk.regions.Region.US_EAST_1)
                .credentialsProvider(() -> software.amazon.awssdk.auth.credentials.AwsBasicCredentials.create(
                        s3.server.accessKey(), s3.server.secretKey()))
                .httpClientBuilder(software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient.builder())
                .build()) {
            return raw.listObjectsV2(request -> request.bucket(bucket).prefix(prefix));
        }
    }
}
