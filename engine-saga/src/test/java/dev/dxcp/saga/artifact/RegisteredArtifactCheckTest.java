package dev.dxcp.saga.artifact;

import dev.dxcp.artifact.ArtifactDigest;
import dev.dxcp.artifact.ArtifactStore;
import dev.dxcp.artifact.DiscoveredArtifact;
import dev.dxcp.artifact.EmbeddedS3Server;
import dev.dxcp.artifact.ObjectLookup;
import dev.dxcp.artifact.S3ArtifactStore;
import dev.dxcp.events.build.ArtifactIntegrity;
import dev.dxcp.events.build.BuildRecord;
import dev.dxcp.events.deployment.ActorIdentity;
import dev.dxcp.events.common.IdempotencyKeyUse;
import dev.dxcp.events.deployment.PolicySnapshot;
import dev.dxcp.events.deployment.DeploymentEvents.DeploymentAccepted;
import dev.dxcp.events.deployment.DeploymentKind;
import dev.dxcp.events.deployment.EngineTarget;
import dev.dxcp.saga.deployment.EngineCommands.Refusal;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.UnaryOperator;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Validate and deploy compare the registration's facts with one HEAD and never read the artifact's bytes
 * again (decision 156). The store here keeps no sha256 of the objects (they are uploaded without one), so
 * registration reads the bytes once, and afterwards only the ETag can tell a replaced object.
 */
class RegisteredArtifactCheckTest {
    private static final String BUCKET = "artifacts";
    private static final String KEY = "demo-service/demo-service-1.2.3.zip";
    private static final Instant T0 = Instant.parse("2026-03-01T10:00:00Z");

    private final EmbeddedS3Server server = EmbeddedS3Server.start(null, 0);
    private final S3ArtifactStore s3Store = new S3ArtifactStore(server.storeSettings());
    private final AtomicInteger byteReads = new AtomicInteger();
    private final ArtifactStore store = new ArtifactStore() {
        @Override
        public ObjectLookup head(String bucket, String key) {
            return s3Store.head(bucket, key);
        }

        @Override
        public ArtifactDigest digest(String bucket, String key) {
            byteReads.incrementAndGet();
            return s3Store.digest(bucket, key);
        }

        @Override
        public List<DiscoveredArtifact> list(String bucket, String prefix) {
            return s3Store.list(bucket, prefix);
        }
    };
    private final S3Client raw = S3Client.builder().endpointOverride(server.endpoint()).region(Region.US_EAST_1)
            .forcePathStyle(true).credentialsProvider(StaticCredentialsProvider.create(
                    AwsBasicCredentials.create(server.accessKey(), server.secretKey()))).build();

    @AfterEach
    void stop() {
        raw.close();
        s3Store.close();
        server.close();
    }

    @Test
    void anUnchangedObjectPassesValidateAndDeployOnItsHeadAlone() {
        BuildRecord build = registered("A".repeat(64));
        byteReads.set(0);

        assertThat(new StoreArtifactPreflight(store).check(build)).isEmpty();
        assertThat(new StoreArtifactCheck(store, Clock.systemUTC()).beforeTrigger(accepted(build))).isEmpty();
        assertThat(byteReads).as("bytes read after registration").hasValue(0);
    }

    @Test
    void anObjectReplacedBySameSizedBytesIsRefusedAtValidateAndDeployWithoutReadingThem() {
        BuildRecord build = registered("A".repeat(64));
        uploadWithoutChecksum("B".repeat(64));
        byteReads.set(0);

        assertThat(new StoreArtifactPreflight(store).check(build)).hasValueSatisfying(refusal -> {
            assertThat(refusal.code()).isEqualTo("INVALID_ARTIFACT");
            assertThat(refusal.operatorHint()).contains("replaced after registration");
        });
        Optional<Refusal> atDeploy = new StoreArtifactCheck(store, Clock.systemUTC()).beforeTrigger(accepted(build));
        assertThat(atDeploy).hasValueSatisfying(refusal -> assertThat(refusal.code().name())
                .isEqualTo("INVALID_ARTIFACT"));
        assertThat(byteReads).as("bytes read after registration").hasValue(0);
    }

    private BuildRecord registered(String content) {
        s3Store.ensureBucket(BUCKET);
        uploadWithoutChecksum(content);
        ArtifactIntegrity measured = new StoreArtifactVerifier(store, Set.of("s3"), BUCKET, UnaryOperator.identity())
                .measure(build(null));
        assertThat(byteReads).as("registration read the bytes once").hasValue(1);
        assertThat(measured.eTag()).as("registration keeps the ETag").isNotBlank();
        return build(measured);
    }

    private void uploadWithoutChecksum(String content) {
        raw.putObject(request -> request.bucket(BUCKET).key(KEY).contentType("application/zip"),
                RequestBody.fromBytes(content.getBytes(StandardCharsets.UTF_8)));
        assertThat(s3Store.head(BUCKET, KEY)).isInstanceOfSatisfying(ObjectLookup.Found.class,
                found -> assertThat(found.sha256()).as("the store keeps no sha256 here").isNull());
    }

    private static BuildRecord build(ArtifactIntegrity integrity) {
        BuildRecord candidate = new BuildRecord("b-1", "demo-service", "1.2.3", "s3://" + BUCKET + "/" + KEY, "abc",
                "main", "ci", "github", "1", T0, null, null, null, null, null, null, null, null, T0);
        return integrity == null ? candidate : candidate.withIntegrity(integrity);
    }

    private static DeploymentAccepted accepted(BuildRecord build) {
        return new DeploymentAccepted("d-1",
                new DeploymentAccepted.Placement("demo-service", "sandbox", "default", "lane/default/sandbox"),
                new DeploymentAccepted.Change(DeploymentKind.ROLL_FORWARD, "1.2.3", "ship it", null, null, null),
                new DeploymentAccepted.RecipeUse("default", 1, "Standard"),
                new DeploymentAccepted.Artifact(build.artifactRef(), build.sha256(), build.sizeBytes(),
                        build.artifactEtag()),
                new EngineTarget("dxcp-demo", "deploy"),
                new DeploymentAccepted.Submission(T0, new ActorIdentity("alice", "DELIVERY_OWNER",
                        "alice@example.com", "alice", null), new IdempotencyKeyUse("key-d-1", "POST",
                        "/v1/deployments")),
                new PolicySnapshot(1, 0, 25, 0, 25, 50));
    }
}
