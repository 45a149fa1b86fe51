package dev.dxcp.command.build;

import dev.dxcp.command.world.CommandWorld.Result;
import dev.dxcp.command.world.DeliveryWorld;
import dev.dxcp.events.build.ArtifactIntegrity;
import dev.dxcp.events.build.BuildMessages.BuildRegistered;
import dev.dxcp.events.build.BuildMessages.RegisterBuild;
import dev.dxcp.events.build.BuildRegistrationRequest;
import dev.dxcp.events.build.UploadCapabilityMessages.UploadCapabilityConsumed;
import dev.dxcp.events.common.IdempotencyKeyUse;
import dev.dxcp.events.idempotency.AdmissionOutcome;
import dev.dxcp.events.idempotency.AdmissionOutcome.Kind;
import dev.dxcp.events.idempotency.Answer;
import dev.dxcp.events.idempotency.IdempotencyMessages.IdempotentResponseRecorded;
import dev.dxcp.events.quota.QuotaMessages.QuotaUnitConsumed;
import org.junit.jupiter.api.Test;

import static dev.dxcp.command.world.CommandWorld.T0;
import static dev.dxcp.command.world.DeliveryWorld.ARTIFACT_BUCKET;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * POST /v1/builds/register and /v1/builds after the edge, one test per step of governance §5 (builds):
 * replay / conflict, mutate rate, the actor's daily build-register quota, then the registration's own rule
 * in order. Each test makes its step fail while every later one would fail too.
 */
class BuildRegistrationHandlerTest {
    private static final ArtifactIntegrity MEASURED = new ArtifactIntegrity("a".repeat(64), 1024,
            "application/zip");

    private final DeliveryWorld world = new DeliveryWorld();

    @Test
    void theSameRegistrationUnderItsKey_replays_beforeRateAndQuota() {
        Result first = world.when(() -> register("key-1", request("svc-a", "1.0.0"), MEASURED, 50));
        world.rate.full();

        Result again = world.when(() -> register("key-1", request("svc-a", "1.0.0"), MEASURED, 0));

        assertThat(again.kind()).isEqualTo(Kind.REPLAYED);
        assertThat(again.outcome().answer()).isEqualTo(first.outcome().answer());
        assertThat(again.events()).isEmpty();
        assertThat(again.charged()).isEmpty();
    }

    @Test
    void aDifferentRegistrationUnderAUsedKey_conflictsBeforeTheRate() {
        world.when(() -> register("key-1", request("svc-a", "1.0.0"), MEASURED, 50));
        world.rate.full();

        Result result = world.when(() -> world.builds.handle(command("key-1", "fp-other",
                request("svc-a", "1.0.1"), MEASURED, false, 0)));

        assertThat(result.refusal()).isEqualTo("BUILD_REGISTRATION_CONFLICT");
        assertThat(result.charged()).isEmpty();
    }

    @Test
    void theMutateRate_refusesBeforeTheQuota() {
        world.rate.full();

        Result result = world.when(() -> register("key-1", request("svc-a", "1.0.0"), MEASURED, 0));

        assertThat(result.refusal()).isEqualTo("RATE_LIMITED");
        assertThat(result.events()).isEmpty();
    }

    @Test
    void theDailyQuota_refusesBeforeTheService() {
        Result result = world.when(() -> register("key-1", request("svc-unknown", "1.0.0"), MEASURED, 0));

        assertThat(result.refusal()).isEqualTo("QUOTA_EXCEEDED");
        assertThat(result.events()).isEmpty();
    }

    @Test
    void aServiceNotInTheRegistry_isRefusedBeforeTheVersion() {
        Result result = world.when(() -> register("key-1", request("svc-unknown", "one"), MEASURED, 50));

        assertThat(result.refusal()).isEqualTo("SERVICE_NOT_ALLOWLISTED");
        assertThat(result.thrown().error().status()).isEqualTo(403);
        assertThat(result.events()).isEmpty();
    }

    @Test
    void anInvalidVersion_isRefusedBeforeBuiltAt() {
        Result result = world.when(() -> register("key-1", new BuildRegistrationRequest("svc-a", "one",
                artifact("1.0.0"), "abc123", "main", "github", "run-1", "yesterday", null, null, null, null, null),
                MEASURED, 50));

        assertThat(result.refusal()).isEqualTo("INVALID_VERSION");
    }

    @Test
    void anUnreadableBuiltAt_isRefusedBeforeTheArtifactSource() {
        Result result = world.when(() -> register("key-1", new BuildRegistrationRequest("svc-a", "1.0.0",
                "s3://elsewhere/a.zip", "abc123", "main", "github", "run-1", "yesterday", null, null, null, null,
                null), MEASURED, 50));

        assertThat(result.refusal()).isEqualTo("INVALID_BUILD_REGISTRATION");
        assertThat(result.thrown().details()).containsEntry("invalid_fields", java.util.List.of("built_at"));
    }

    @Test
    void uploaded_theArtifactLimits_areCheckedBeforeTheArtifactSource() {
        Result result = world.when(() -> world.builds.handle(command("key-1", "fp-1", new BuildRegistrationRequest(
                "svc-a", "1.0.0", "s3://elsewhere/a.zip", "abc123", "main", "github", "run-1",
                "2026-03-01T09:00:00Z", null, null, null, null, null),
                new ArtifactIntegrity("a".repeat(64), 1024, "text/plain"), true, 50)));

        assertThat(result.refusal()).isEqualTo("INVALID_ARTIFACT");
        assertThat(result.thrown().getMessage()).doesNotContain("source");
    }

    @Test
    void anArtifactFromAnotherSource_isRefusedBeforeTheLinks() {
        Result result = world.when(() -> register("key-1", new BuildRegistrationRequest("svc-a", "1.0.0",
                "s3://elsewhere/a.zip", "abc123", "main", "github", "run-1", "2026-03-01T09:00:00Z", null, null,
                null, "not a link", null), MEASURED, 50));

        assertThat(result.refusal()).isEqualTo("INVALID_ARTIFACT");
        assertThat(result.thrown().getMessage()).isEqualTo("Artifact source not allowlisted");
    }

    @Test
    void anInvalidLink_isRefusedBeforeTheExistingVersion() {
        world.when(() -> register("key-0", request("svc-a", "1.0.0"), MEASURED, 50));

        Result result = world.when(() -> register("key-1", new BuildRegistrationRequest("svc-a", "1.0.0",
                artifact("1.0.0"), "other-sha", "main", "github", "run-1", "2026-03-01T09:00:00Z", null, null, null,
                "ftp://example.com/commit", null), MEASURED, 50));

        assertThat(result.refusal()).isEqualTo("INVALID_URL");
    }

    @Test
    void anExistingVersion_answersForItself_existingForTheSameArtifact_conflictOtherwise() {
        world.when(() -> register("key-0", request("svc-a", "1.0.0"), MEASURED, 50));

        Result same = world.when(() -> register("key-1", request("svc-a", "1.0.0"), MEASURED, 50));
        Result other = world.when(() -> register("key-2", new BuildRegistrationRequest("svc-a", "1.0.0",
                artifact("1.0.0"), "other-sha", "main", "github", "run-1", "2026-03-01T09:00:00Z", null, null, null,
                null, null), MEASURED, 50));

        assertThat(same.kind()).isEqualTo(Kind.ACCEPTED);
        assertThat(same.outcome().answer().outcome()).isEqualTo(Answer.Outcome.EXISTING);
        assertThat(same.events(BuildRegistered.class)).isEmpty();
        assertThat(other.refusal()).isEqualTo("BUILD_REGISTRATION_CONFLICT");
    }

    @Test
    void uploaded_aNewVersionNeedsItsUploadCapability() {
        Result result = world.when(() -> world.builds.handle(command("key-1", "fp-1", request("svc-a", "1.0.0"),
                MEASURED, true, 50)));

        assertThat(result.refusal()).isEqualTo("INVALID_ARTIFACT");
        assertThat(result.outcome().refusal().getMessage()).isEqualTo("No matching upload capability");
        assertThat(result.events(BuildRegistered.class)).isEmpty();
        assertThat(result.events(QuotaUnitConsumed.class)).isEmpty();
    }

    @Test
    void registered_anArtifactNotYetMeasured_isSentToBeMeasured_spendingAndRememberingNothing() {
        Result result = world.when(() -> register("key-1", request("svc-a", "1.0.0"), null, 50));

        assertThat(result.kind()).isEqualTo(Kind.NEEDS_MEASUREMENT);
        assertThat(result.outcome().toMeasure().artifactRef()).isEqualTo(artifact("1.0.0"));
        assertThat(result.events()).isEmpty();
    }

    @Test
    void aRegisteredBuild_spendsAQuotaUnit_andTheKeyRemembersTheAnswer() {
        Result result = world.when(() -> register("key-1", request("svc-a", "1.0.0"), MEASURED, 50));

        assertThat(result.kind()).isEqualTo(Kind.ACCEPTED);
        assertThat(result.outcome().answer().outcome()).isEqualTo(Answer.Outcome.CREATED);
        assertThat(result.charged()).containsExactly("build-1");
        assertThat(result.events(BuildRegistered.class)).hasSize(1);
        assertThat(result.events(QuotaUnitConsumed.class)).hasSize(1);
        assertThat(result.events(IdempotentResponseRecorded.class)).hasSize(1);
    }

    @Test
    void uploaded_withItsCapability_theCapabilityIsConsumedWithTheRegistration() {
        world.when(() -> world.uploads.handle(UploadCapabilityHandlerTest.capability("key-u", "svc-a", "1.0.0",
                "application/zip", 50)));

        Result result = world.when(() -> world.builds.handle(command("key-1", "fp-1", request("svc-a", "1.0.0"),
                MEASURED, true, 50)));

        assertThat(result.kind()).isEqualTo(Kind.ACCEPTED);
        assertThat(result.events(UploadCapabilityConsumed.class)).hasSize(1);
        assertThat(result.events(BuildRegistered.class)).hasSize(1);
    }

    static String artifact(String version) {
        return "s3://" + ARTIFACT_BUCKET + "/svc-a-" + version + ".zip";
    }

    private static BuildRegistrationRequest request(String service, String version) {
        return new BuildRegistrationRequest(service, version, artifact(version), "abc123", "main", "github", "run-1",
                "2026-03-01T09:00:00Z", null, null, null, null, null);
    }

    private AdmissionOutcome register(String key, BuildRegistrationRequest request, ArtifactIntegrity integrity,
                                      int dailyQuota) {
        return world.builds.handle(command(key, "fp-" + request.version() + "-" + request.gitSha(), request,
                integrity, false, dailyQuota));
    }

    private static RegisterBuild command(String key, String fingerprint, BuildRegistrationRequest request,
                                         ArtifactIntegrity integrity, boolean uploaded, int dailyQuota) {
        return new RegisterBuild(new IdempotencyKeyUse(key, "POST", uploaded ? "/v1/builds" : "/v1/builds/register"),
                fingerprint, request, "ci", "build-1", "ci-bot", dailyQuota, integrity, uploaded, T0.plusSeconds(60));
    }
}
