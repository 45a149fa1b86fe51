package dev.dxcp.command.build;

import dev.dxcp.command.common.AggregateCommands;
import dev.dxcp.command.common.Hashing;
import dev.dxcp.command.common.ResponseRenderer;
import dev.dxcp.command.idempotency.IdempotencyKey;
import dev.dxcp.command.quota.DailyQuota;
import dev.dxcp.events.build.BuildMessages.BuildRegistrationOutcome;
import dev.dxcp.events.build.BuildMessages.BuildVersionDecision;
import dev.dxcp.events.build.BuildMessages.RegisterBuild;
import dev.dxcp.events.build.BuildMessages.RegisterBuildVersion;
import dev.dxcp.events.build.BuildRecord;
import dev.dxcp.events.common.Rejection;
import dev.dxcp.events.idempotency.IdempotencyMessages.CheckIdempotency;
import dev.dxcp.events.idempotency.IdempotencyMessages.IdempotencyVerdict;
import dev.dxcp.events.idempotency.IdempotencyMessages.RecordIdempotentResponse;
import dev.dxcp.events.quota.QuotaMessages.CheckQuota;
import dev.dxcp.events.quota.QuotaMessages.ConsumeQuotaUnit;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.modelling.command.Repository;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;

import static dev.dxcp.events.build.BuildMessages.buildVersionId;
import static dev.dxcp.events.idempotency.IdempotencyMessages.idempotencyKeyId;
import static dev.dxcp.events.quota.QuotaMessages.dailyQuotaId;

/**
 * Build registration after the schema check, as one atomic decision in the order of governance §5:
 * replay/conflict, daily quota, service, version, built_at, artifact source, links, existing
 * service/version, artifact verification, persist. Only successful registrations use quota, so a
 * refused request leaves no event behind.
 */
public class BuildRegistrationHandler {
    static final String QUOTA_KIND = "build-register";

    private final Repository<IdempotencyKey> idempotencyKeys;
    private final Repository<DailyQuota> quotas;
    private final Repository<BuildVersion> buildVersions;
    private final BuildRegistrationPolicy policy;
    private final ResponseRenderer renderer;
    private final Duration idempotencyWindow;

    public BuildRegistrationHandler(Repository<IdempotencyKey> idempotencyKeys, Repository<DailyQuota> quotas,
                                    Repository<BuildVersion> buildVersions, BuildRegistrationPolicy policy,
                                    ResponseRenderer renderer, Duration idempotencyWindow) {
        this.idempotencyKeys = idempotencyKeys;
        this.quotas = quotas;
        this.buildVersions = buildVersions;
        this.policy = policy;
        this.renderer = renderer;
        this.idempotencyWindow = idempotencyWindow;
    }

    @CommandHandler
    public BuildRegistrationOutcome handle(RegisterBuild command) {
        String keyId = idempotencyKeyId(command.idempotencyScope());
        IdempotencyVerdict verdict = AggregateCommands.handle(idempotencyKeys, keyId, IdempotencyKey::new,
                new CheckIdempotency(keyId, command.fingerprint(), command.requestedAt(), idempotencyWindow));
        if (verdict.kind() == IdempotencyVerdict.Kind.REPLAY) {
            return new BuildRegistrationOutcome(BuildRegistrationOutcome.Kind.REPLAYED, verdict.status(),
                    verdict.body(), null);
        }
        if (verdict.kind() == IdempotencyVerdict.Kind.CONFLICT) {
            throw new Rejection("BUILD_REGISTRATION_CONFLICT", 409,
                    "Idempotency-Key was already used for a different build registration");
        }

        LocalDate day = LocalDate.ofInstant(command.requestedAt(), ZoneOffset.UTC);
        String quotaId = dailyQuotaId(QUOTA_KIND, Hashing.sha256Hex(command.quotaActor()), day);
        Boolean room = AggregateCommands.handle(quotas, quotaId, DailyQuota::new,
                new CheckQuota(quotaId, command.dailyQuota()));
        if (!room) {
            throw DailyQuota.QuotaRejections.exceeded();
        }

        BuildRecord candidate = policy.admit(command.request(), command.buildId(), command.ciPublisher(),
                command.requestedAt());
        if (command.integrity() != null) {
            candidate = candidate.withIntegrity(command.integrity());
        }
        String versionId = buildVersionId(candidate.service(), candidate.version());
        BuildVersionDecision decision = AggregateCommands.handle(buildVersions, versionId, BuildVersion::new,
                new RegisterBuildVersion(versionId, candidate));
        if (decision.kind() == BuildVersionDecision.Kind.NEEDS_VERIFICATION) {
            return new BuildRegistrationOutcome(BuildRegistrationOutcome.Kind.NEEDS_VERIFICATION, 0, null,
                    decision.build());
        }

        int status = decision.kind() == BuildVersionDecision.Kind.REGISTERED ? 201 : 200;
        String body = renderer.build(decision.build());
        AggregateCommands.handle(quotas, quotaId, DailyQuota::new,
                new ConsumeQuotaUnit(quotaId, QUOTA_KIND, command.quotaActor(), day, command.dailyQuota()));
        AggregateCommands.handle(idempotencyKeys, keyId, IdempotencyKey::new, new RecordIdempotentResponse(keyId,
                command.fingerprint(), status, body, decision.build().id(), command.requestedAt()));
        BuildRegistrationOutcome.Kind kind = status == 201 ? BuildRegistrationOutcome.Kind.REGISTERED
                : BuildRegistrationOutcome.Kind.EXISTING;
        return new BuildRegistrationOutcome(kind, status, body, decision.build());
    }
}
