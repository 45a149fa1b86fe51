package dev.dxcp.command.build;

import dev.dxcp.command.common.AggregateCommands;
import dev.dxcp.command.common.ResponseRenderer;
import dev.dxcp.command.quota.MeteredRequests;
import dev.dxcp.command.quota.MeteredRequests.Metered;
import dev.dxcp.events.build.ArtifactIntegrity;
import dev.dxcp.events.build.UploadCapabilityMessages.IssueUploadCapability;
import dev.dxcp.events.build.UploadCapabilityMessages.RequestUploadCapability;
import dev.dxcp.events.build.UploadCapabilityMessages.UploadCapabilityIssued;
import dev.dxcp.events.build.UploadCapabilityMessages.UploadCapabilityOutcome;
import dev.dxcp.events.build.UploadCapabilityMessages.UploadCapabilityRequest;
import dev.dxcp.events.common.ErrorCode;
import dev.dxcp.events.common.Rejection;
import dev.dxcp.events.idempotency.IdempotencyMessages.IdempotencyVerdict;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.modelling.command.Repository;

import java.time.Duration;

/**
 * Issues an upload capability after the schema check, as one atomic decision in the order of
 * governance §5 (upload capability): replay or conflict, the actor's daily upload quota, service in
 * the registry (403), version format (400), artifact limits (400), then the capability, which lives
 * for the configured lifetime (domain §13: 15 minutes).
 */
public class UploadCapabilityHandler {
    static final String QUOTA_KIND = "upload-capability";

    private final MeteredRequests metering;
    private final Repository<UploadCapability> capabilities;
    private final BuildRegistrationPolicy policy;
    private final ResponseRenderer renderer;
    private final Duration lifetime;

    public UploadCapabilityHandler(MeteredRequests metering, Repository<UploadCapability> capabilities,
                                   BuildRegistrationPolicy policy, ResponseRenderer renderer, Duration lifetime) {
        this.metering = metering;
        this.capabilities = capabilities;
        this.policy = policy;
        this.renderer = renderer;
        this.lifetime = lifetime;
    }

    @CommandHandler
    public UploadCapabilityOutcome handle(RequestUploadCapability command) {
        Metered metered = new Metered(command.idempotencyScope(), command.fingerprint(), QUOTA_KIND,
                command.quotaActor(), command.dailyQuota(), command.requestedAt());
        IdempotencyVerdict verdict = metering.begin(metered, () -> new Rejection(ErrorCode.IDEMPOTENCY_CONFLICT,
                "Idempotency-Key was already used for a different upload capability request"));
        if (verdict.kind() == IdempotencyVerdict.Kind.REPLAY) {
            return new UploadCapabilityOutcome(verdict.status(), verdict.body(), true);
        }

        UploadCapabilityRequest request = command.request();
        ArtifactIntegrity announced = policy.admitAnnouncement(request.service(), request.version(),
                new ArtifactIntegrity(request.expectedSha256(), request.expectedSizeBytes(), request.contentType()));
        String id = UploadCapability.idFor(request.service(), request.version(), announced.sizeBytes(),
                announced.sha256(), announced.contentType());
        UploadCapabilityIssued issued = new UploadCapabilityIssued(id, command.uploadToken(), request.service(),
                request.version(), announced.sizeBytes(), announced.sha256(), announced.contentType(),
                command.requestedAt(), command.requestedAt().plus(lifetime));
        AggregateCommands.handle(capabilities, id, UploadCapability::new, new IssueUploadCapability(id, issued));
        String body = renderer.uploadCapability(issued);
        metering.succeeded(metered, 201, body, command.uploadToken());
        return new UploadCapabilityOutcome(201, body, false);
    }
}
