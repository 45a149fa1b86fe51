package dev.dxcp.server.wiring;

import dev.dxcp.artifact.DemoArtifacts;
import dev.dxcp.artifact.EmbeddedS3Server;
import dev.dxcp.artifact.S3ArtifactStore;
import dev.dxcp.artifact.S3StoreSettings;
import dev.dxcp.artifact.VersionScan;
import dev.dxcp.command.build.ArtifactLimits;
import dev.dxcp.command.build.ArtifactSourceRules;
import dev.dxcp.saga.artifact.StoreArtifactVerifier;
import dev.dxcp.saga.artifact.VersionDiscovery;
import dev.dxcp.server.settings.DxcpProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.net.URI;
import java.nio.file.Path;
import java.util.Set;

/**
 * The artifact store: any S3-compatible endpoint when DXCP_S3_ENDPOINT or DXCP_ARTIFACT_BUCKET is
 * set (credentials from the default AWS chain), otherwise an embedded S3 server under the data
 * directory, seeded with demo artifacts so a new user can register and deploy at once.
 */
@Configuration
public class ArtifactWiring {
    private static final Logger log = LoggerFactory.getLogger(ArtifactWiring.class);
    public static final String EMBEDDED_BUCKET = "dxcp-artifacts";

    /**
     * Resolved store settings and bucket; the embedded server is started here when needed, and stopped when
     * this bean is destroyed: after the store client that depends on it, and also when a later bean fails
     * the start (a server stopped only by a bean created after the store was never stopped then, and its
     * threads kept the failed process alive).
     */
    public record ArtifactLocation(S3StoreSettings settings, String bucket, EmbeddedS3Server embedded)
            implements AutoCloseable {
        @Override
        public void close() {
            if (embedded != null) {
                embedded.stop();
            }
        }
    }

    @Bean
    public ArtifactLocation artifactLocation(DxcpProperties properties) {
        DxcpProperties.Artifacts artifacts = properties.artifacts();
        if (DxcpProperties.present(artifacts.s3Endpoint()) || DxcpProperties.present(artifacts.bucket())) {
            S3StoreSettings settings = S3StoreSettings.aws().withRegion(artifacts.s3Region());
            if (DxcpProperties.present(artifacts.s3Endpoint())) {
                settings = settings.withEndpoint(URI.create(artifacts.s3Endpoint()), true);
            }
            log.info("event=artifact_store mode=s3 endpoint={} bucket={}",
                    DxcpProperties.present(artifacts.s3Endpoint()) ? artifacts.s3Endpoint() : "aws",
                    artifacts.bucket());
            return new ArtifactLocation(settings, artifacts.bucket(), null);
        }
        EmbeddedS3Server server = EmbeddedS3Server.start(Path.of(properties.dataDir(), "s3"), 0);
        log.warn("event=artifact_store mode=embedded endpoint={} bucket={} note=\"embedded S3-compatible server; "
                + "set DXCP_S3_ENDPOINT and DXCP_ARTIFACT_BUCKET for a real store\"", server.endpoint(),
                EMBEDDED_BUCKET);
        return new ArtifactLocation(server.storeSettings(), EMBEDDED_BUCKET, server);
    }

    @Bean(destroyMethod = "close")
    public S3ArtifactStore artifactStore(ArtifactLocation location) {
        S3ArtifactStore store = new S3ArtifactStore(location.settings());
        if (location.embedded() != null) {
            try {
                store.ensureBucket(location.bucket());
                int seeded = DemoArtifacts.in(store).seed(location.bucket()).size();
                log.info("event=demo_artifacts_seeded bucket={} objects={}", location.bucket(), seeded);
            } catch (RuntimeException e) {
                store.close();
                throw new IllegalStateException("the embedded artifact store at " + location.embedded().endpoint()
                        + " refused its bucket " + location.bucket() + ": " + e.getMessage(), e);
            }
        }
        return store;
    }

    @Bean
    public ArtifactSourceRules artifactSourceRules(DxcpProperties properties, ArtifactLocation location) {
        return new ArtifactSourceRules(properties.artifacts().allowedSchemes(), location.bucket());
    }

    /** GET /v1/services/{service}/versions?refresh: the store's own listing of a service's versions. */
    @Bean
    public VersionDiscovery versionDiscovery(S3ArtifactStore store, ArtifactLocation location) {
        return new VersionDiscovery(new VersionScan(store), location.bucket());
    }

    /** domain §13 integrity limits, for measured and for announced (uploaded) artifacts alike. */
    @Bean
    public ArtifactLimits artifactLimits(
            @Value("${dxcp.artifacts.content-types:application/zip,application/gzip}") Set<String> contentTypes) {
        return new ArtifactLimits(ArtifactLimits.DEFAULT_MAX_SIZE_BYTES, contentTypes);
    }

    /** Measures a registered build's artifact between its two decisions (domain §13). */
    @Bean
    public StoreArtifactVerifier artifactVerifier(S3ArtifactStore store, ArtifactSourceRules rules,
                                                  ArtifactLimits limits) {
        return new StoreArtifactVerifier(store, rules.allowedSchemes(), rules.runtimeBucket(), limits::check);
    }
}
