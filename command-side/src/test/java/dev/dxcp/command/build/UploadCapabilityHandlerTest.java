package dev.dxcp.command.build;

import dev.dxcp.command.world.CommandWorld.Result;
import dev.dxcp.command.world.DeliveryWorld;
import dev.dxcp.events.build.UploadCapabilityMessages.RequestUploadCapability;
import dev.dxcp.events.build.UploadCapabilityMessages.UploadCapabilityIssued;
import dev.dxcp.events.build.UploadCapabilityMessages.UploadCapabilityRequest;
import dev.dxcp.events.common.IdempotencyKeyUse;
import dev.dxcp.events.idempotency.AdmissionOutcome.Kind;
import dev.dxcp.events.quota.QuotaMessages.QuotaUnitConsumed;
import org.junit.jupiter.api.Test;

import static dev.dxcp.command.world.CommandWorld.T0;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * POST /v1/builds/upload-capability after the edge, one test per step of governance §5: replay /
 * conflict, mutate rate, the actor's daily upload quota, then service (403), version (400) and the artifact
 * limits (400), and the capability, valid for its lifetime.
 */
class UploadCapabilityHandlerTest {
    private final DeliveryWorld world = new DeliveryWorld();

    @Test
    void theSameRequestUnderItsKey_replaysTheCapability_beforeRateAndQuota() {
        Result first = world.when(() -> world.uploads.handle(capability("key-1", "svc-a", "1.0.0",
                "application/zip", 50)));
        world.rate.full();

        Result again = world.when(() -> world.uploads.handle(capability("key-1", "svc-a", "1.0.0",
                "application/zip", 0)));

        assertThat(again.kind()).isEqualTo(Kind.REPLAYED);
        assertThat(again.outcome().answer()).isEqualTo(first.outcome().answer());
        assertThat(again.charged()).isEmpty();
    }

    @Test
    void aDifferentRequestUnderAUsedKey_conflictsBeforeTheRate() {
        world.when(() -> world.uploads.handle(capability("key-1", "svc-a", "1.0.0", "application/zip", 50)));
        world.rate.full();

        Result result = world.when(() -> world.uploads.handle(capability("key-1", "svc-a", "2.0.0",
                "application/zip", 50)));

        assertThat(result.refusal()).isEqualTo("IDEMPOTENCY_CONFLICT");
        assertThat(result.charged()).isEmpty();
    }

    @Test
    void theMutateRate_refusesBeforeTheQuota() {
        world.rate.full();

        Result result = world.when(() -> world.uploads.handle(capability("key-1", "svc-a", "1.0.0",
                "application/zip", 0)));

        assertThat(result.refusal()).isEqualTo("RATE_LIMITED");
    }

    @Test
    void theDailyUploadQuota_refusesBeforeTheService() {
        Result result = world.when(() -> world.uploads.handle(capability("key-1", "svc-unknown", "1.0.0",
                "application/zip", 0)));

        assertThat(result.refusal()).isEqualTo("QUOTA_EXCEEDED");
    }

    @Test
    void aServiceNotInTheRegistry_isRefusedBeforeTheVersion() {
        Result result = world.when(() -> world.uploads.handle(capability("key-1", "svc-unknown", "one",
                "application/zip", 50)));

        assertThat(result.refusal()).isEqualTo("SERVICE_NOT_ALLOWLISTED");
    }

    @Test
    void anInvalidVersion_isRefusedBeforeTheArtifactLimits() {
        Result result = world.when(() -> world.uploads.handle(capability("key-1", "svc-a", "one", "text/plain",
                50)));

        assertThat(result.refusal()).isEqualTo("INVALID_VERSION");
    }

    @Test
    void anArtifactOutsideTheLimits_isRefused_andNothingIsSpent() {
        Result result = world.when(() -> world.uploads.handle(capability("key-1", "svc-a", "1.0.0", "text/plain",
                50)));

        assertThat(result.refusal()).isEqualTo("INVALID_ARTIFACT");
        assertThat(result.events()).isEmpty();
    }

    @Test
    void anIssuedCapability_livesForItsLifetime_andSpendsAQuotaUnit() {
        Result result = world.when(() -> world.uploads.handle(capability("key-1", "svc-a", "1.0.0",
                "application/zip", 50)));

        assertThat(result.kind()).isEqualTo(Kind.ACCEPTED);
        UploadCapabilityIssued issued = result.outcome().answer().uploadCapability();
        assertThat(issued.expiresAt()).isEqualTo(issued.issuedAt().plusSeconds(900));
        assertThat(result.charged()).containsExactly("token-key-1");
        assertThat(result.events(QuotaUnitConsumed.class)).hasSize(1);
    }

    static RequestUploadCapability capability(String key, String service, String version, String contentType,
                                              int dailyQuota) {
        return new RequestUploadCapability(new IdempotencyKeyUse(key, "POST", "/v1/builds/upload-capability"),
                "fp-" + service + "-" + version + "-" + contentType,
                new UploadCapabilityRequest(service, version, 1024, "a".repeat(64), contentType), "token-" + key,
                "ci-bot", dailyQuota, T0.plusSeconds(30));
    }
}
