package dev.dxcp.server.http.build;

import dev.dxcp.events.build.UploadCapabilityMessages.RequestUploadCapability;
import dev.dxcp.events.build.UploadCapabilityMessages.UploadCapabilityOutcome;
import dev.dxcp.events.common.ErrorCode;
import dev.dxcp.events.common.Rejection;
import dev.dxcp.events.common.Timestamps;
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
 * Upload capabilities after the schema step (governance §5, upload capability): replay or conflict
 * before the mutate rate, then one atomic command for the daily upload quota, the service, version and
 * artifact-limit checks and the capability itself.
 */
public class UploadCapabilityService {
    public static final String PATH = "/v1/builds/upload-capability";

    private final CommandSender commands;
    private final ReplayBeforeRate replays;
    private final int dailyQuota;
    private final Clock clock;

    /** @param dailyQuota capabilities per actor and UTC day (governance §7, default 50) */
    public UploadCapabilityService(CommandSender commands, RateLimiter rateLimiter, Duration idempotencyWindow,
                                   int dailyQuota, Clock clock) {
        this.commands = commands;
        this.replays = new ReplayBeforeRate(commands, rateLimiter, idempotencyWindow);
        this.dailyQuota = dailyQuota;
        this.clock = clock;
    }

    StoredAnswer issue(Caller caller, String idempotencyKey, UploadCapabilitySchema.Parsed parsed, MetaData audit) {
        Instant now = Timestamps.truncate(clock.instant());
        String scope = Fingerprints.scope("POST", PATH, idempotencyKey);
        Optional<StoredAnswer> replay = replays.replayOrCharge(caller, scope, parsed.fingerprint(), now, audit,
                () -> new Rejection(ErrorCode.IDEMPOTENCY_CONFLICT,
                        "Idempotency-Key was already used for a different upload capability request"));
        if (replay.isPresent()) {
            return replay.get();
        }
        UploadCapabilityOutcome outcome = commands.send(new RequestUploadCapability(scope, parsed.fingerprint(),
                parsed.request(), UUID.randomUUID().toString(), caller.actorId(), dailyQuota, now), audit);
        return new StoredAnswer(outcome.status(), outcome.body(), outcome.replayed());
    }
}
