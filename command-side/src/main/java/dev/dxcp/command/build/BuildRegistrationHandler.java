package dev.dxcp.command.build;

import dev.dxcp.command.common.AggregateCommands;
import dev.dxcp.command.common.ResponseRenderer;
import dev.dxcp.command.quota.MeteredRequests;
import dev.dxcp.command.quota.MeteredRequests.Metered;
import dev.dxcp.events.build.BuildMessages.BuildRegistrationOutcome;
import dev.dxcp.events.build.BuildMessages.BuildVersionDecision;
import dev.dxcp.events.build.BuildMessages.RegisterBuild;
import dev.dxcp.events.build.BuildMessages.RegisterBuildVersion;
import dev.dxcp.events.build.BuildRecord;
import dev.dxcp.events.build.UploadCapabilityMessages.CapabilityUse;
import dev.dxcp.events.build.UploadCapabilityMessages.UseUploadCapability;
import dev.dxcp.events.common.ErrorCode;
import dev.dxcp.events.common.Rejection;
import dev.dxcp.events.idempotency.IdempotencyMessages.IdempotencyVerdict;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.modelling.command.Repository;

import java.time.Instant;
import java.util.Optional;

import static dev.dxcp.events.build.BuildMessages.buildVersionId;

/**
 * Build registration after the schema check, as one atomic decision in the order of governance §5:
 * replay/conflict, daily quota, service, version, built_at, [uploaded: artifact limits], artifact
 * source, links, existing service/version, [uploaded: the upload capability | registered: artifact
 * verification], persist. Only successful registrations use quota, so a refused request leaves no
 * event behind — except the deletion of expired upload capabilities it tried (domain §13).
 */
public class BuildRegistrationHandler {
    static final String QUOTA_KIND = "build-register";

    private final MeteredRequests metering;
    private final Repository<BuildVersion> buildVersions;
    private final Repository<UploadCapability> capabilities;
    private final BuildRegistrationPolicy policy;
    private final ResponseRenderer renderer;

    public BuildRegistrationHandler(MeteredRequests metering, Repository<BuildVersion> buildVersions,
                                    Repository<UploadCapability> capabilities, BuildRegistrationPolicy policy,
                                    ResponseRenderer renderer) {
        this.metering = metering;
        this.buildVersions = buildVersions;
        this.capabilities = capabilities;
        this.policy = policy;
        this.renderer = renderer;
    }

    @CommandHandler
    public BuildRegistrationOutcome handle(RegisterBuild command) {
        Metered metered = new Metered(command.idempotencyScope(), command.fingerprint(), QUOTA_KIND,
                command.quotaActor(), command.dailyQuota(), command.requestedAt());
        IdempotencyVerdict verdict = metering.begin(metered, () -> new Rejection(ErrorCode.BUILD_REGISTRATION_CONFLICT,
                "Idempotency-Key was already used for a different build registration"));
        if (verdict.kind() == IdempotencyVerdict.Kind.REPLAY) {
            return new BuildRegistrationOutcome(BuildRegistrationOutcome.Kind.REPLAYED, verdict.status(),
                    verdict.body(), null);
        }

        BuildRecord candidate = policy.admit(command.request(), command.buildId(), command.ciPublisher(),
                command.requestedAt(), command.uploaded() ? command.integrity() : null);
        if (!command.uploaded() && command.integrity() != null) {
            candidate = candidate.withIntegrity(command.integrity());
        }
        String versionId = buildVersionId(candidate.service(), candidate.version());
        if (command.uploaded()) {
            Optional<Rejection> refused = useCapability(candidate, versionId, command.requestedAt());
            if (refused.isPresent()) {
                // Returned, not thrown: the unit of work commits the deletion of expired capabilities.
                return BuildRegistrationOutcome.refused(refused.get());
            }
        }
        BuildVersionDecision decision = AggregateCommands.handle(buildVersions, versionId, BuildVersion::new,
                new RegisterBuildVersion(versionId, candidate));
        if (decision.kind() == BuildVersionDecision.Kind.NEEDS_VERIFICATION) {
            return new BuildRegistrationOutcome(BuildRegistrationOutcome.Kind.NEEDS_VERIFICATION, 0, null,
                    decision.build());
        }

        int status = decision.kind() == BuildVersionDecision.Kind.REGISTERED ? 201 : 200;
        String body = renderer.build(decision.build());
        metering.succeeded(metered, status, body, decision.build().id());
        BuildRegistrationOutcome.Kind kind = status == 201 ? BuildRegistrationOutcome.Kind.REGISTERED
                : BuildRegistrationOutcome.Kind.EXISTING;
        return new BuildRegistrationOutcome(kind, status, body, decision.build());
    }

    /**
     * The upload capability step (governance §5, /v1/builds) comes after the existing service/version:
     * a version already registered answers for itself (200 existing or 409) and needs no capability. A
     * new one needs an unexpired capability for exactly this artifact, consumed in this unit of work.
     */
    private Optional<Rejection> useCapability(BuildRecord candidate, String versionId, Instant now) {
        if (AggregateCommands.read(buildVersions, versionId, BuildVersion::new, BuildVersion::build) != null) {
            return Optional.empty();
        }
        String id = UploadCapability.idFor(candidate.service(), candidate.version(), candidate.sizeBytes(),
                candidate.sha256(), candidate.contentType());
        CapabilityUse use = AggregateCommands.handle(capabilities, id, UploadCapability::new,
                new UseUploadCapability(id, candidate.id(), now));
        return switch (use) {
            case CONSUMED -> Optional.empty();
            case EXPIRED -> Optional.of(new Rejection(ErrorCode.INVALID_ARTIFACT, "Upload capability expired"));
            case NONE -> Optional.of(new Rejection(ErrorCode.INVALID_ARTIFACT, "No matching upload capability"));
        };
    }
}
