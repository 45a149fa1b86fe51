package dev.dxcp.command.build;

import dev.dxcp.command.admission.AdmissionPipeline;
import dev.dxcp.command.admission.AdmissionTicket;
import dev.dxcp.command.admission.Decided;
import dev.dxcp.command.admission.Denials;
import dev.dxcp.command.common.AggregateCommands;
import dev.dxcp.command.quota.ActorDailyQuotas;
import dev.dxcp.events.build.ArtifactIntegrity;
import dev.dxcp.events.build.UploadCapabilityMessages.IssueUploadCapability;
import dev.dxcp.events.build.UploadCapabilityMessages.RequestUploadCapability;
import dev.dxcp.events.build.UploadCapabilityMessages.UploadCapabilityIssued;
import dev.dxcp.events.build.UploadCapabilityMessages.UploadCapabilityRequest;
import dev.dxcp.events.common.ErrorCode;
import dev.dxcp.events.common.Rejection;
import dev.dxcp.events.idempotency.AdmissionOutcome;
import dev.dxcp.events.idempotency.Answer;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.modelling.command.Repository;

import java.time.Duration;

/**
 * Issues an upload capability after the schema check (governance §5, upload capability): admitted by the
 * pipeline (replay or conflict, mutate rate, the actor's daily upload quota), then its own rule: service in
 * the registry (403), version format (400), artifact limits (400), then the capability, which lives for
 * the configured lifetime (domain §13: 15 minutes).
 */
public class UploadCapabilityHandler {
    static final String QUOTA_KIND = "upload-capability";

    private final AdmissionPipeline admission;
    private final ActorDailyQuotas quotas;
    private final Repository<UploadCapability> capabilities;
    private final BuildRegistrationPolicy policy;
    private final Duration lifetime;

    public UploadCapabilityHandler(AdmissionPipeline admission, ActorDailyQuotas quotas,
                                   Repository<UploadCapability> capabilities, BuildRegistrationPolicy policy,
                                   Duration lifetime) {
        this.admission = admission;
        this.quotas = quotas;
        this.capabilities = capabilities;
        this.policy = policy;
        this.lifetime = lifetime;
    }

    @CommandHandler
    public AdmissionOutcome handle(RequestUploadCapability command) {
        AdmissionTicket ticket = new AdmissionTicket(command.idempotency(), command.fingerprint(),
                command.quotaActor(), command.uploadToken(), command.requestedAt(),
                new Rejection(ErrorCode.IDEMPOTENCY_CONFLICT,
                        "Idempotency-Key was already used for a different upload capability request"));
        return admission.admit(ticket, quotas.of(QUOTA_KIND, command.dailyQuota()), pass -> issue(command),
                Denials.NONE);
    }

    private Decided issue(RequestUploadCapability command) {
        UploadCapabilityRequest request = command.request();
        ArtifactIntegrity announced = policy.admitAnnouncement(request.service(), request.version(),
                new ArtifactIntegrity(request.expectedSha256(), request.expectedSizeBytes(), request.contentType()));
        String id = UploadCapability.idFor(request.service(), request.version(), announced.sizeBytes(),
                announced.sha256(), announced.contentType());
        UploadCapabilityIssued issued = new UploadCapabilityIssued(id, command.uploadToken(), request.service(),
                request.version(), announced.sizeBytes(), announced.sha256(), announced.contentType(),
                command.requestedAt(), command.requestedAt().plus(lifetime));
        AggregateCommands.handle(capabilities, id, UploadCapability::new, new IssueUploadCapability(id, issued));
        return Decided.answered(Answer.uploadCapability(issued), command.uploadToken());
    }
}
