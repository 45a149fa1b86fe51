package dev.dxcp.command.build;

import dev.dxcp.events.build.UploadCapabilityMessages.CapabilityUse;
import dev.dxcp.events.build.UploadCapabilityMessages.IssueUploadCapability;
import dev.dxcp.events.build.UploadCapabilityMessages.UploadCapabilityConsumed;
import dev.dxcp.events.build.UploadCapabilityMessages.UploadCapabilityExpired;
import dev.dxcp.events.build.UploadCapabilityMessages.UploadCapabilityIssued;
import dev.dxcp.events.build.UploadCapabilityMessages.UseUploadCapability;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

/** domain §13: a capability proves one build, lives for its lifetime, and is deleted when tried expired. */
class UploadCapabilityTest {
    private static final Instant T0 = Instant.parse("2026-03-01T10:00:00Z");
    private static final String SHA = "ab".repeat(32);
    private static final String ID = UploadCapability.idFor("svc", "1.2.3", 42, SHA, "application/zip");

    private AggregateTestFixture<UploadCapability> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(UploadCapability.class);
    }

    private static UploadCapabilityIssued issued(String token, Instant at) {
        return new UploadCapabilityIssued(ID, token, "svc", "1.2.3", 42, SHA, "application/zip", at,
                at.plus(Duration.ofMinutes(15)));
    }

    @Test
    void issuingRecordsTheCapability() {
        fixture.givenNoPriorActivity().when(new IssueUploadCapability(ID, issued("t1", T0)))
                .expectEvents(issued("t1", T0));
    }

    @Test
    void aLiveCapabilityIsConsumedByTheBuildItProves() {
        fixture.given(issued("t1", T0))
                .when(new UseUploadCapability(ID, "build-1", T0.plusSeconds(60)))
                .expectEvents(new UploadCapabilityConsumed(ID, "t1", "build-1", T0.plusSeconds(60)))
                .expectResultMessagePayload(CapabilityUse.CONSUMED);
    }

    @Test
    void aConsumedCapabilityCannotProveASecondBuild() {
        fixture.given(issued("t1", T0), new UploadCapabilityConsumed(ID, "t1", "build-1", T0.plusSeconds(1)))
                .when(new UseUploadCapability(ID, "build-2", T0.plusSeconds(2)))
                .expectNoEvents()
                .expectResultMessagePayload(CapabilityUse.NONE);
    }

    @Test
    void anExpiredCapabilityIsDeletedWhenTriedAndThenNoLongerFound() {
        Instant late = T0.plus(Duration.ofMinutes(15));
        fixture.given(issued("t1", T0))
                .when(new UseUploadCapability(ID, "build-1", late))
                .expectEvents(new UploadCapabilityExpired(ID, "t1", late))
                .expectResultMessagePayload(CapabilityUse.EXPIRED);
        fixture.given(issued("t1", T0), new UploadCapabilityExpired(ID, "t1", late))
                .when(new UseUploadCapability(ID, "build-1", late.plusSeconds(1)))
                .expectNoEvents()
                .expectResultMessagePayload(CapabilityUse.NONE);
    }

    @Test
    void expiredOnesAreDeletedAndTheLiveOneThatExpiresSoonestIsConsumed() {
        Instant now = T0.plus(Duration.ofMinutes(20));
        fixture.given(issued("old", T0), issued("later", now.minusSeconds(30)), issued("sooner", now.minusSeconds(60)))
                .when(new UseUploadCapability(ID, "build-1", now))
                .expectEvents(new UploadCapabilityExpired(ID, "old", now),
                        new UploadCapabilityConsumed(ID, "sooner", "build-1", now))
                .expectResultMessagePayload(CapabilityUse.CONSUMED);
    }

    @Test
    void nothingIssuedForThisArtifactIsNoMatch() {
        fixture.givenNoPriorActivity().when(new UseUploadCapability(ID, "build-1", T0))
                .expectNoEvents()
                .expectResultMessagePayload(CapabilityUse.NONE);
    }

    @Test
    void everyAnnouncedFieldIsPartOfTheIdentity() {
        assertThat(UploadCapability.idFor("svc", "1.2.3", 43, SHA, "application/zip")).isNotEqualTo(ID);
        assertThat(UploadCapability.idFor("svc", "1.2.4", 42, SHA, "application/zip")).isNotEqualTo(ID);
        assertThat(UploadCapability.idFor("svc-2", "1.2.3", 42, SHA, "application/zip")).isNotEqualTo(ID);
        assertThat(UploadCapability.idFor("svc", "1.2.3", 42, "cd".repeat(32), "application/zip")).isNotEqualTo(ID);
        assertThat(UploadCapability.idFor("svc", "1.2.3", 42, SHA, "application/gzip")).isNotEqualTo(ID);
        assertThat(UploadCapability.idFor("svc", "1.2.3", 42, SHA, "application/zip")).isEqualTo(ID);
    }
}
