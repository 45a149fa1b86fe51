package dev.dxcp.command.quota;

import dev.dxcp.command.common.AggregateCommands;
import dev.dxcp.command.common.Hashing;
import dev.dxcp.command.idempotency.IdempotencyKey;
import dev.dxcp.events.common.Rejection;
import dev.dxcp.events.idempotency.IdempotencyMessages.CheckIdempotency;
import dev.dxcp.events.idempotency.IdempotencyMessages.IdempotencyVerdict;
import dev.dxcp.events.idempotency.IdempotencyMessages.RecordIdempotentResponse;
import dev.dxcp.events.quota.QuotaMessages.CheckQuota;
import dev.dxcp.events.quota.QuotaMessages.ConsumeQuotaUnit;
import org.axonframework.modelling.command.Repository;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.function.Supplier;

import static dev.dxcp.events.idempotency.IdempotencyMessages.idempotencyKeyId;
import static dev.dxcp.events.quota.QuotaMessages.dailyQuotaId;

/**
 * The first and the last steps of a CI request that spends an actor's daily quota and answers with a
 * remembered body (build registrations, upload capabilities; governance §5–§7), inside the caller's
 * unit of work. First: the key's replay or conflict, then room in the quota. Last, only on success:
 * one quota unit and the response remembered under the key (docs/DECISIONS.md 9).
 */
public class MeteredRequests {
    private final Repository<IdempotencyKey> idempotencyKeys;
    private final Repository<DailyQuota> quotas;
    private final Duration idempotencyWindow;

    public MeteredRequests(Repository<IdempotencyKey> idempotencyKeys, Repository<DailyQuota> quotas,
                           Duration idempotencyWindow) {
        this.idempotencyKeys = idempotencyKeys;
        this.quotas = quotas;
        this.idempotencyWindow = idempotencyWindow;
    }

    /** One request: its key scope and fingerprint, and which daily quota of which actor it spends. */
    public record Metered(String idempotencyScope, String fingerprint, String quotaKind, String quotaActor,
                          int dailyQuota, Instant at) {
        String keyId() {
            return idempotencyKeyId(idempotencyScope);
        }

        LocalDate day() {
            return LocalDate.ofInstant(at, ZoneOffset.UTC);
        }

        String quotaId() {
            return dailyQuotaId(quotaKind, Hashing.sha256Hex(quotaActor), day());
        }
    }

    /**
     * Answers the key's verdict: REPLAY with the remembered answer, or FRESH when the request may go on.
     *
     * @throws Rejection {@code conflict} for a different request under the key; QUOTA_EXCEEDED when no unit is left
     */
    public IdempotencyVerdict begin(Metered request, Supplier<Rejection> conflict) {
        String keyId = request.keyId();
        IdempotencyVerdict verdict = AggregateCommands.handle(idempotencyKeys, keyId, IdempotencyKey::new,
                new CheckIdempotency(keyId, request.fingerprint(), request.at(), idempotencyWindow));
        if (verdict.kind() == IdempotencyVerdict.Kind.CONFLICT) {
            throw conflict.get();
        }
        if (verdict.kind() == IdempotencyVerdict.Kind.FRESH) {
            String quotaId = request.quotaId();
            Boolean room = AggregateCommands.handle(quotas, quotaId, DailyQuota::new,
                    new CheckQuota(quotaId, request.dailyQuota()));
            if (!room) {
                throw DailyQuota.QuotaRejections.exceeded();
            }
        }
        return verdict;
    }

    /** The request succeeded: it spends one unit and its answer is remembered for replays. */
    public void succeeded(Metered request, int status, String body, String resourceId) {
        String quotaId = request.quotaId();
        AggregateCommands.handle(quotas, quotaId, DailyQuota::new, new ConsumeQuotaUnit(quotaId,
                request.quotaKind(), request.quotaActor(), request.day(), request.dailyQuota()));
        String keyId = request.keyId();
        AggregateCommands.handle(idempotencyKeys, keyId, IdempotencyKey::new, new RecordIdempotentResponse(keyId,
                request.fingerprint(), status, body, resourceId, request.at()));
    }
}
