package dev.dxcp.command.admission;

import dev.dxcp.command.common.AggregateCommands;
import dev.dxcp.command.idempotency.IdempotencyKey;
import dev.dxcp.events.idempotency.Answer;
import dev.dxcp.events.idempotency.IdempotencyMessages.RememberAnswer;
import org.axonframework.modelling.command.Repository;

/** governance §5 "persist … 201" and §6: the key remembers a successful answer, in the deciding unit of work. */
public class RememberStep {
    private final Repository<IdempotencyKey> keys;

    public RememberStep(Repository<IdempotencyKey> keys) {
        this.keys = keys;
    }

    void remember(AdmissionTicket ticket, Answer answer, String resourceId) {
        String keyId = ticket.keyId();
        AggregateCommands.handle(keys, keyId, IdempotencyKey::new,
                new RememberAnswer(keyId, ticket.fingerprint(), answer, resourceId, ticket.at()));
    }
}
