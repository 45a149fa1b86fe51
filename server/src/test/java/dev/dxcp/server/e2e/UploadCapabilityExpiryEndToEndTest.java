package dev.dxcp.server.e2e;

import dev.dxcp.testsupport.http.TestHttp.Response;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * domain §13: capabilities expire, and an expired one is deleted when a build tries it. Runs a server
 * of its own, on a database of its own, whose capabilities live three seconds instead of fifteen
 * minutes (DXCP_UPLOAD_CAPABILITY_LIFETIME); it is shut down after this class.
 */
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class UploadCapabilityExpiryEndToEndTest extends UploadCapabilityTestSupport {
    private static final String DATABASE = env.postgres.createDatabase("capability_expiry");

    @DynamicPropertySource
    static void shortLivedCapabilities(DynamicPropertyRegistry registry) {
        registry.add("spring.datasource.url", () -> DATABASE);
        registry.add("dxcp.upload-capabilities.lifetime", () -> "3s");
    }

    @BeforeEach
    void allowlistOnThisServer() {
        restoreBaseline();
    }

    @Test
    void anExpiredCapabilityIsRefusedOnceThenDeletedWhileALiveOneStillProvesABuild() {
        String token = ci("cap-expiry");
        String version = uniqueVersion();
        String sha = sha();
        Instant before = Instant.now();
        Response issued = issue(token, announcement(version, 64, sha, ZIP));
        assertThat(issued.status()).as(issued.body()).isEqualTo(201);
        Instant expiresAt = Instant.parse(issued.json().path("expiresAt").asText());
        assertThat(expiresAt).isBetween(before.plusSeconds(2), Instant.now().plusSeconds(3));
        while (!Instant.now().isAfter(expiresAt.plusMillis(100))) {
            sleep(Duration.between(Instant.now(), expiresAt).toMillis() + 150);
        }

        Response expired = postBuild(token, uploadedBuild(version, 64, sha, ZIP));
        assertError(expired, 400, "INVALID_ARTIFACT");
        assertThat(expired.json().path("message").asText()).isEqualTo("Upload capability expired");
        assertThat(eventsOfType("UploadCapabilityExpired")).isEqualTo(1);
        Response gone = postBuild(token, uploadedBuild(version, 64, sha, ZIP));
        assertThat(gone.json().path("message").asText()).isEqualTo("No matching upload capability");
        assertThat(get("/v1/builds?service=" + SERVICE + "&version=" + version, admin()).status()).isEqualTo(404);

        assertThat(issue(token, announcement(version, 64, sha, ZIP)).status()).isEqualTo(201);
        Response proved = postBuild(token, uploadedBuild(version, 64, sha, ZIP));
        assertThat(proved.status()).as(proved.body()).isEqualTo(201);
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(Math.max(1, millis));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
