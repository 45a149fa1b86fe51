package dev.dxcp.command.admission;

import dev.dxcp.command.common.AggregateCommands;
import dev.dxcp.command.idempotency.IdempotencyKey;
import dev.dxcp.events.idempotency.IdempotencyMessages.CheckIdempotency;
import dev.dxcp.events.idempotency.IdempotencyMessages.IdempotencyVerdict;
import org.axonframework.modelling.command.Repository;

import java.time.Duration;

/**
 * governance §5 "replay / conflict": what the request's Idempotency-Key already answered, asked once per
 * decision. A key older than the window is forgotten (governance §6).
 */
public class IdempotencyStep {
    private final Repository<IdempotencyKey> keys;
    private final Duration window;

    public IdempotencyStep(Repository<IdempotencyKey> keys, Duration window) {
        this.keys = keys;
        this.window = window;
    }

    IdempotencyVerdict check(AdmissionTicket ticket) {
        String keyId = ticket.keyId();
        return AggregateCommands.handle(keys, keyId, IdempotencyKey::new,
                new CheckIdempotency(keyId, ticket.fingerprint(), ticket.at(), window));
    }
}
