package dev.dxcp.command.build;

import dev.dxcp.command.admission.AdmissionPipeline;
import dev.dxcp.command.admission.AdmissionTicket;
import dev.dxcp.command.admission.Decided;
import dev.dxcp.command.admission.Denials;
import dev.dxcp.command.common.AggregateCommands;
import dev.dxcp.command.quota.ActorDailyQuotas;
import dev.dxcp.command.settings.SystemSettingsView;
import dev.dxcp.events.build.BuildMessages.BuildVersionDecision;
import dev.dxcp.events.build.BuildMessages.RegisterBuild;
import dev.dxcp.events.build.BuildMessages.RegisterBuildVersion;
import dev.dxcp.events.build.BuildRecord;
import dev.dxcp.events.build.UploadCapabilityMessages.CapabilityUse;
import dev.dxcp.events.build.UploadCapabilityMessages.UseUploadCapability;
import dev.dxcp.events.common.ErrorCode;
import dev.dxcp.events.common.Rejection;
import dev.dxcp.events.idempotency.AdmissionOutcome;
import dev.dxcp.events.idempotency.Answer;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.modelling.command.Repository;

import java.time.Instant;
import java.util.Optional;

import static dev.dxcp.events.build.BuildMessages.buildVersionId;

/**
 * Build registration after the schema check (governance §5, builds): admitted by the pipeline (replay or
 * conflict, mutate rate, the actor's daily build-register quota), then its own rule: service, version,
 * built_at, [uploaded: artifact limits], artifact source, links, existing service/version, [uploaded: the
 * upload capability | registered: artifact verification], persist. Only a successful registration uses
 * quota, so a refused request leaves no event behind — except the deletion of expired upload capabilities
 * it tried (domain §13).
 */
public class BuildRegistrationHandler {
    static final String QUOTA_KIND = "build-register";

    private final AdmissionPipeline admission;
    private final ActorDailyQuotas quotas;
    private final Repository<BuildVersion> buildVersions;
    private final Repository<UploadCapability> capabilities;
    private final BuildRegistrationPolicy policy;
    private final SystemSettingsView settings;

    public BuildRegistrationHandler(AdmissionPipeline admission, ActorDailyQuotas quotas,
                                    Repository<BuildVersion> buildVersions, Repository<UploadCapability> capabilities,
                                    BuildRegistrationPolicy policy, SystemSettingsView settings) {
        this.admission = admission;
        this.quotas = quotas;
        this.buildVersions = buildVersions;
        this.capabilities = capabilities;
        this.policy = policy;
        this.settings = settings;
    }

    @CommandHandler
    public AdmissionOutcome handle(RegisterBuild command) {
        AdmissionTicket ticket = new AdmissionTicket(command.idempotency(), command.fingerprint(),
                command.quotaActor(), command.buildId(), command.requestedAt(),
                new Rejection(ErrorCode.BUILD_REGISTRATION_CONFLICT,
                        "Idempotency-Key was already used for a different build registration"));
        return admission.admit(ticket, quotas.of(QUOTA_KIND, command.dailyQuota()), pass -> decide(command),
                Denials.NONE);
    }

    private Decided decide(RegisterBuild command) {
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
                return Decided.refused(refused.get());
            }
        }
        BuildVersionDecision decision = AggregateCommands.handle(buildVersions, versionId, BuildVersion::new,
                new RegisterBuildVersion(versionId, candidate));
        if (decision.kind() == BuildVersionDecision.Kind.NEEDS_VERIFICATION) {
            return Decided.needsMeasurement(decision.build());
        }
        // The answer shows the build as the UI exposure policy allows now (api-contract §7), and replays the same.
        BuildRecord build = decision.build();
        boolean links = settings.current().uiExposure().value().externalLinksDisplay();
        Answer answer = Answer.build(links ? build : build.withLinksHidden(),
                decision.kind() == BuildVersionDecision.Kind.REGISTERED);
        return Decided.answered(answer, build.id());
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
