package dev.dxcp.artifact;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

class VersionScanTest {

    private static final Instant T0 = Instant.parse("2025-01-01T00:00:00Z");

    @Test
    void onlyServiceZipsWithValidVersionsBecomeVersionsNewestFirst() {
        List<DiscoveredArtifact> listing = List.of(
                object("svc/svc-1.9.0.zip", 10),
                object("svc/svc-1.10.0.zip", 11),
                object("svc/svc-1.0.0-rc.1.zip", 12),
                object("svc/svc-1.0.0.zip", 13),
                object("svc/svc-1.0.0-alpha.zip", 14),
                object("svc/svc-1.0.0-alpha.1.zip", 15),
                object("svc/svc-1.0.0-alpha.beta.zip", 16),
                object("svc/svc-latest.zip", 1),
                object("svc/svc-1.2.zip", 1),
                object("svc/svc-1.2.3+build.zip", 1),
                object("svc/svc-1.2.3.tar.gz", 1),
                object("svc/svc-1.2.3.zip.sha256", 1),
                object("svc/other-1.2.3.zip", 1),
                object("svc/svc-2-1.0.0.zip", 1),
                object("svc/README.md", 1),
                object("svc-2/svc-2-9.9.9.zip", 1),
                object("svc-9.9.9.zip", 1));

        List<ArtifactVersion> versions = VersionScan.fromListing("bucket", "svc", listing);

        assertThat(versions).extracting(ArtifactVersion::version).containsExactly(
                "1.10.0", "1.9.0", "1.0.0", "1.0.0-rc.1", "1.0.0-alpha.beta", "1.0.0-alpha.1", "1.0.0-alpha");
        assertThat(versions.get(0)).isEqualTo(
                new ArtifactVersion("1.10.0", "s3://bucket/svc/svc-1.10.0.zip", 11, T0));
    }

    @Test
    void theSameVersionAtTwoDepthsIsListedOnceWithTheNewerObject() {
        Instant later = T0.plusSeconds(60);
        List<DiscoveredArtifact> listing = List.of(
                new DiscoveredArtifact("svc/builds/svc-1.0.0.zip", 5, later),
                new DiscoveredArtifact("svc/svc-1.0.0.zip", 4, T0));

        List<ArtifactVersion> versions = VersionScan.fromListing("b", "svc", listing);

        assertThat(versions).containsExactly(new ArtifactVersion("1.0.0", "s3://b/svc/builds/svc-1.0.0.zip", 5, later));
    }

    @Test
    void scanOfTheRealStoreListsOnlyTheServicePrefix() {
        try (InMemoryS3 s3 = InMemoryS3.start()) {
            s3.store.ensureBucket("scan");
            for (String key : List.of("api/api-1.9.0.zip", "api/api-1.10.0.zip", "api/api-1.10.0-rc.1.zip",
                    "api/notes.txt", "api-gateway/api-gateway-3.0.0.zip")) {
                s3.store.put("scan", key, key.getBytes(), "application/zip");
            }

            List<ArtifactVersion> versions = new VersionScan(s3.store).versionsOf("scan", "api");

            assertThat(versions).extracting(ArtifactVersion::version).containsExactly("1.10.0", "1.10.0-rc.1", "1.9.0");
            assertThat(versions).extracting(ArtifactVersion::artifactRef).first().isEqualTo("s3://scan/api/api-1.10.0.zip");
            assertThat(versions).allSatisfy(version -> assertThat(version.lastModified()).isNotNull());
            assertThat(versions.get(0).sizeBytes()).isEqualTo("api/api-1.10.0.zip".length());
        }
    }

    private static DiscoveredArtifact object(String key, long size) {
        return new DiscoveredArtifact(key, size, T0);
    }
}
