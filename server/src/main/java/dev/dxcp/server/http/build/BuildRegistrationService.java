package dev.dxcp.server.http.build;

import dev.dxcp.command.settings.SystemSettingsView;
import dev.dxcp.events.build.ArtifactIntegrity;
import dev.dxcp.events.build.BuildMessages.BuildRegistrationOutcome;
import dev.dxcp.events.build.BuildMessages.RegisterBuild;
import dev.dxcp.events.common.ErrorCode;
import dev.dxcp.events.common.Rejection;
import dev.dxcp.events.common.Timestamps;
import dev.dxcp.server.artifact.ArtifactVerifier;
import dev.dxcp.server.axon.CommandSender;
import dev.dxcp.server.http.Fingerprints;
import dev.dxcp.server.http.RateLimiter;
import dev.dxcp.server.identity.Caller;
import org.axonframework.messaging.MetaData;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * Build registration after the schema step (governance §5, builds), for both paths: POST
 * /v1/builds/register, where the artifact is measured outside any transaction and the command is sent
 * again with the facts, and POST /v1/builds, where the client's asserted integrity goes in at once and
 * an upload capability proves it. The atomic decision is the command.
 */
public class BuildRegistrationService {
    public static final String PATH = "/v1/builds/register";
    public static final String UPLOAD_PATH = "/v1/builds";

    private final CommandSender commands;
    private final ReplayBeforeRate replays;
    private final SystemSettingsView settings;
    private final ArtifactVerifier verifier;
    private final Clock clock;

    public BuildRegistrationService(CommandSender commands, RateLimiter rateLimiter, SystemSettingsView settings,
                                    ArtifactVerifier verifier, Duration idempotencyWindow, Clock clock) {
        this.commands = commands;
        this.replays = new ReplayBeforeRate(commands, rateLimiter, idempotencyWindow);
        this.settings = settings;
        this.verifier = verifier;
        this.clock = clock;
    }

    /** @param path {@link #PATH} or {@link #UPLOAD_PATH}, which scopes the Idempotency-Key (governance §6) */
    public StoredAnswer register(Caller caller, String ciPublisher, String idempotencyKey, String path,
                                 BuildRegistrationSchema.Parsed parsed, MetaData audit) {
        Instant now = Timestamps.truncate(clock.instant());
        String scope = Fingerprints.scope("POST", path, idempotencyKey);
        Optional<StoredAnswer> replay = replays.replayOrCharge(caller, scope, parsed.fingerprint(), now, audit,
                () -> new Rejection(ErrorCode.BUILD_REGISTRATION_CONFLICT,
                        "Idempotency-Key was already used for a different build registration"));
        if (replay.isPresent()) {
            return replay.get();
        }

        int quota = settings.current().rateLimits().value().dailyQuotaBuildRegister();
        String buildId = UUID.randomUUID().toString();
        boolean uploaded = parsed.asserted() != null;
        RegisterBuild first = new RegisterBuild(scope, parsed.fingerprint(), parsed.request(), ciPublisher, buildId,
                caller.actorId(), quota, parsed.asserted(), uploaded, now);
        BuildRegistrationOutcome outcome = commands.send(first, audit);
        if (outcome.kind() == BuildRegistrationOutcome.Kind.NEEDS_VERIFICATION && !uploaded) {
            ArtifactIntegrity integrity = verifier.measure(outcome.build());
            RegisterBuild verified = new RegisterBuild(scope, parsed.fingerprint(), parsed.request(), ciPublisher,
                    buildId, caller.actorId(), quota, integrity, false, now);
            outcome = commands.send(verified, audit);
        }
        if (outcome.kind() == BuildRegistrationOutcome.Kind.REFUSED) {
            throw outcome.rejection();
        }
        if (outcome.kind() == BuildRegistrationOutcome.Kind.NEEDS_VERIFICATION) {
            throw new IllegalStateException("Build still unverified after measuring its artifact");
        }
        return new StoredAnswer(outcome.status(), outcome.body(),
                outcome.kind() == BuildRegistrationOutcome.Kind.REPLAYED);
    }
}
