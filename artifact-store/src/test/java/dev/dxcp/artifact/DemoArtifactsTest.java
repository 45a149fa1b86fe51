package dev.dxcp.artifact;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipInputStream;

import dev.dxcp.artifact.DemoArtifacts.SeededArtifact;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class DemoArtifactsTest {

    private static InMemoryS3 s3;

    @BeforeAll
    static void startServer() {
        s3 = InMemoryS3.start();
    }

    @AfterAll
    static void stopServer() {
        s3.close();
    }

    @Test
    void firstSeedUploadsThreeVersionsOfEachDemoServiceAsZips() {
        List<SeededArtifact> seeded = DemoArtifacts.in(s3.store).seed("demo-first");

        assertThat(seeded).hasSize(6).allSatisfy(artifact -> {
            assertThat(artifact.created()).isTrue();
            assertThat(artifact.key()).isEqualTo(artifact.service() + "/" + artifact.service() + "-" + artifact.version() + ".zip");
            ArtifactDigest stored = s3.store.digest("demo-first", artifact.key());
            assertThat(stored.sha256()).isEqualTo(artifact.sha256());
            assertThat(stored.sizeBytes()).isEqualTo(artifact.sizeBytes());
            assertThat(stored.contentType()).isEqualTo("application/zip");
        });
        assertThat(seeded).extracting(SeededArtifact::service).containsOnly("demo-service", "demo-service-2");
        assertThat(new VersionScan(s3.store).versionsOf("demo-first", "demo-service"))
                .extracting(ArtifactVersion::version).containsExactly("1.2.0", "1.1.0", "1.0.0");
        assertThat(new VersionScan(s3.store).versionsOf("demo-first", "demo-service-2"))
                .extracting(ArtifactVersion::artifactRef).first().isEqualTo("s3://demo-first/demo-service-2/demo-service-2-1.2.0.zip");
    }

    @Test
    void seedingAgainUploadsNothingAndKeepsWhatIsThere() {
        List<SeededArtifact> first = DemoArtifacts.in(s3.store).seed("demo-twice");
        // An operator replaced one build; a restart must not put the demo bytes back.
        s3.store.put("demo-twice", DemoArtifacts.keyOf("demo-service", "1.0.0"), new byte[] {1, 2}, "application/zip");

        List<SeededArtifact> second = DemoArtifacts.in(s3.store).seed("demo-twice");

        assertThat(second).noneMatch(SeededArtifact::created);
        assertThat(second).hasSize(first.size());
        assertThat(second.get(0).sizeBytes()).isEqualTo(2);
        assertThat(second.subList(1, second.size())).extracting(SeededArtifact::sha256)
                .containsExactlyElementsOf(first.subList(1, first.size()).stream().map(SeededArtifact::sha256).toList());
        assertThat(s3.store.list("demo-twice", "")).hasSize(6);
    }

    @Test
    void demoZipIsDeterministicValidAndNamesItsBuild() throws IOException {
        byte[] zip = DemoArtifacts.zipOf("demo-service", "1.1.0");

        assertThat(DemoArtifacts.zipOf("demo-service", "1.1.0")).isEqualTo(zip);
        assertThat(DemoArtifacts.zipOf("demo-service", "1.2.0")).isNotEqualTo(zip);
        Map<String, String> entries = unzip(zip);
        assertThat(entries).containsOnlyKeys("build-info.json", "README.txt");
        assertThat(entries.get("build-info.json")).isEqualTo("{\"service\":\"demo-service\",\"version\":\"1.1.0\"}\n");
    }

    private static Map<String, String> unzip(byte[] zip) throws IOException {
        Map<String, String> entries = new LinkedHashMap<>();
        try (var in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            for (var entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                entries.put(entry.getName(), new String(in.readAllBytes(), StandardCharsets.UTF_8));
            }
        }
        return entries;
    }
}
