package dev.dxcp.command.idempotency;

import dev.dxcp.events.idempotency.Answer;
import dev.dxcp.events.idempotency.IdempotencyMessages.CheckIdempotency;
import dev.dxcp.events.idempotency.IdempotencyMessages.IdempotencyVerdict;
import dev.dxcp.events.idempotency.IdempotencyMessages.IdempotentResponseRecorded;
import dev.dxcp.events.idempotency.IdempotencyMessages.IdempotentResponseWithdrawn;
import dev.dxcp.events.idempotency.IdempotencyMessages.RememberAnswer;
import dev.dxcp.events.idempotency.IdempotencyMessages.WithdrawIdempotentResponse;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;

import java.time.Instant;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * One Idempotency-Key scope (key, method, path). It remembers the first successful answer and the
 * fingerprint of the request that produced it (governance §6); an entry older than the window is forgotten.
 */
@Aggregate(cache = "idempotencyKeyCache")
public class IdempotencyKey {
    @AggregateIdentifier
    private String idempotencyKeyId;
    private String fingerprint;
    private Answer answer;
    private String resourceId;
    private Instant recordedAt;

    public IdempotencyKey() {
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public IdempotencyVerdict handle(CheckIdempotency command) {
        if (!remembers(command.now(), command.window())) {
            return IdempotencyVerdict.fresh();
        }
        if (!fingerprint.equals(command.fingerprint())) {
            return IdempotencyVerdict.conflict();
        }
        return IdempotencyVerdict.replay(answer, resourceId);
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public void handle(RememberAnswer command) {
        apply(new IdempotentResponseRecorded(command.idempotencyKeyId(), command.fingerprint(), command.answer(),
                command.resourceId(), command.recordedAt()));
    }

    /** Only the answer of that resource is withdrawn; a newer answer under the key stays. */
    @CommandHandler
    public void handle(WithdrawIdempotentResponse command) {
        if (recordedAt != null && command.resourceId().equals(resourceId)) {
            apply(new IdempotentResponseWithdrawn(command.idempotencyKeyId(), command.resourceId(), command.at()));
        }
    }

    private boolean remembers(Instant now, java.time.Duration window) {
        return recordedAt != null && recordedAt.plus(window).isAfter(now);
    }

    @EventSourcingHandler
    void on(IdempotentResponseWithdrawn event) {
        recordedAt = null;
        fingerprint = null;
        answer = null;
        resourceId = null;
    }

    @EventSourcingHandler
    void on(IdempotentResponseRecorded event) {
        idempotencyKeyId = event.idempotencyKeyId();
        fingerprint = event.fingerprint();
        answer = event.answer();
        resourceId = event.resourceId();
        recordedAt = event.recordedAt();
    }
}
