package dev.dxcp.server.http.build;

import dev.dxcp.command.settings.SystemSettingsView;
import dev.dxcp.events.build.ArtifactIntegrity;
import dev.dxcp.events.build.BuildMessages.BuildRegistrationOutcome;
import dev.dxcp.events.build.BuildMessages.RegisterBuild;
import dev.dxcp.events.common.Rejection;
import dev.dxcp.events.idempotency.IdempotencyMessages.CheckIdempotency;
import dev.dxcp.events.idempotency.IdempotencyMessages.IdempotencyVerdict;
import dev.dxcp.server.artifact.ArtifactVerifier;
import dev.dxcp.server.axon.CommandSender;
import dev.dxcp.server.http.Fingerprints;
import dev.dxcp.server.http.RateLimiter;
import dev.dxcp.server.identity.Caller;
import org.axonframework.messaging.MetaData;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import static dev.dxcp.events.idempotency.IdempotencyMessages.idempotencyKeyId;

/**
 * Build registration after the schema step (governance §5, builds). The per-minute rate limit lives
 * in this process, so a cheap look at the key comes first: a replay or a conflicting reuse answers
 * before the rate is charged, as the contract orders it. The atomic decision is the command; the
 * artifact is measured outside any transaction, then the command is sent again with the facts.
 */
public class BuildRegistrationService {
    public static final String PATH = "/v1/builds/register";

    private final CommandSender commands;
    private final RateLimiter rateLimiter;
    private final SystemSettingsView settings;
    private final ArtifactVerifier verifier;
    private final Duration idempotencyWindow;
    private final Clock clock;

    public BuildRegistrationService(CommandSender commands, RateLimiter rateLimiter, SystemSettingsView settings,
                                    ArtifactVerifier verifier, Duration idempotencyWindow, Clock clock) {
        this.commands = commands;
        this.rateLimiter = rateLimiter;
        this.settings = settings;
        this.verifier = verifier;
        this.idempotencyWindow = idempotencyWindow;
        this.clock = clock;
    }

    public record Answer(int status, String body, boolean replayed) {
    }

    public Answer register(Caller caller, String ciPublisher, String idempotencyKey,
                           BuildRegistrationSchema.Parsed parsed, MetaData audit) {
        Instant now = dev.dxcp.events.common.Timestamps.truncate(clock.instant());
        String scope = Fingerprints.scope("POST", PATH, idempotencyKey);
        String keyId = idempotencyKeyId(scope);
        IdempotencyVerdict verdict = commands.send(
                new CheckIdempotency(keyId, parsed.fingerprint(), now, idempotencyWindow), audit);
        if (verdict.kind() == IdempotencyVerdict.Kind.REPLAY) {
            return new Answer(verdict.status(), verdict.body(), true);
        }
        if (verdict.kind() == IdempotencyVerdict.Kind.CONFLICT) {
            throw new Rejection("BUILD_REGISTRATION_CONFLICT", 409,
                    "Idempotency-Key was already used for a different build registration");
        }
        rateLimiter.check(caller, RateLimiter.Kind.MUTATE);

        int quota = settings.current().rateLimits().value().dailyQuotaBuildRegister();
        String buildId = UUID.randomUUID().toString();
        RegisterBuild first = new RegisterBuild(scope, parsed.fingerprint(), parsed.request(), ciPublisher, buildId,
                caller.actorId(), quota, null, now);
        BuildRegistrationOutcome outcome = commands.send(first, audit);
        if (outcome.kind() == BuildRegistrationOutcome.Kind.NEEDS_VERIFICATION) {
            ArtifactIntegrity integrity = verifier.measure(outcome.build());
            RegisterBuild verified = new RegisterBuild(scope, parsed.fingerprint(), parsed.request(), ciPublisher,
                    buildId, caller.actorId(), quota, integrity, now);
            outcome = commands.send(verified, audit);
        }
        if (outcome.kind() == BuildRegistrationOutcome.Kind.NEEDS_VERIFICATION) {
            throw new IllegalStateException("Build still unverified after measuring its artifact");
        }
        return new Answer(outcome.status(), outcome.body(), outcome.kind() == BuildRegistrationOutcome.Kind.REPLAYED);
    }
}
