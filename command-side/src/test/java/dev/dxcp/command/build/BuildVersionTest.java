package dev.dxcp.command.build;

import dev.dxcp.command.RejectionMatchers;
import dev.dxcp.events.build.ArtifactIntegrity;
import dev.dxcp.events.build.BuildMessages.BuildRegistered;
import dev.dxcp.events.build.BuildMessages.BuildVersionDecision;
import dev.dxcp.events.build.BuildMessages.RegisterBuildVersion;
import dev.dxcp.events.build.BuildRecord;
import dev.dxcp.events.common.Rejection;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;

class BuildVersionTest {
    static final String ID = "build/demo-service/1.2.3";
    static final Instant T0 = Instant.parse("2026-03-01T10:00:00Z");
    static final ArtifactIntegrity INTEGRITY = new ArtifactIntegrity("a".repeat(64), 1234L, "application/zip");

    private AggregateTestFixture<BuildVersion> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(BuildVersion.class);
    }

    static BuildRecord build(String id, String artifactRef, String gitSha) {
        return new BuildRecord(id, "demo-service", "1.2.3", artifactRef, gitSha, "main", "github-ci", "github",
                "run-1", T0, null, null, null, null, null, null, null, null, T0);
    }

    static BuildRecord verified(String id, String artifactRef, String gitSha) {
        return build(id, artifactRef, gitSha).withIntegrity(INTEGRITY);
    }

    @Test
    void newVersionWithoutMeasuredIntegrityAsksForVerificationAndRecordsNothing() {
        BuildRecord candidate = build("b1", "s3://bucket/demo-service/demo-service-1.2.3.zip", "abc");
        fixture.givenNoPriorActivity()
                .when(new RegisterBuildVersion(ID, candidate))
                .expectNoEvents()
                .expectResultMessagePayload(new BuildVersionDecision(BuildVersionDecision.Kind.NEEDS_VERIFICATION,
                        candidate));
    }

    @Test
    void newVersionWithIntegrityIsRegistered() {
        BuildRecord candidate = verified("b1", "s3://bucket/demo-service/demo-service-1.2.3.zip", "abc");
        fixture.givenNoPriorActivity()
                .when(new RegisterBuildVersion(ID, candidate))
                .expectEvents(new BuildRegistered(ID, candidate))
                .expectResultMessagePayload(new BuildVersionDecision(BuildVersionDecision.Kind.REGISTERED, candidate));
    }

    @Test
    void sameArtifactAndShaAgainAnswersTheExistingBuildUnchanged() {
        BuildRecord original = verified("b1", "s3://bucket/k.zip", "abc");
        fixture.given(new BuildRegistered(ID, original))
                .when(new RegisterBuildVersion(ID, verified("b2", "s3://bucket/k.zip", "abc")))
                .expectNoEvents()
                .expectResultMessagePayload(new BuildVersionDecision(BuildVersionDecision.Kind.EXISTING, original));
    }

    @Test
    void differentGitShaForARegisteredVersionIsAConflictNamingTheExistingBuild() {
        fixture.given(new BuildRegistered(ID, verified("b1", "s3://bucket/k.zip", "abc")))
                .when(new RegisterBuildVersion(ID, verified("b2", "s3://bucket/k.zip", "def")))
                .expectNoEvents()
                .expectException(Rejection.class)
                .expectExceptionMessage(org.hamcrest.Matchers.containsString("already registered"));
    }

    @Test
    void differentArtifactForARegisteredVersionIsAConflict() {
        fixture.given(new BuildRegistered(ID, verified("b1", "s3://bucket/k.zip", "abc")))
                .when(new RegisterBuildVersion(ID, verified("b2", "s3://bucket/other.zip", "abc")))
                .expectNoEvents()
                .expectException(RejectionMatchers.rejection("BUILD_REGISTRATION_CONFLICT", 409));
    }
}
