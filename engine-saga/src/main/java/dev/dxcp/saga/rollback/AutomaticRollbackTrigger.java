package dev.dxcp.saga.rollback;

import dev.dxcp.events.deployment.AutomaticRollbackMessages.StartAutomaticRollback;
import dev.dxcp.events.deployment.DeploymentEvents.DeploymentFailed;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.messaging.annotation.MetaDataValue;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.function.BiConsumer;

/**
 * Automatic rollback is driven from the event stream, never from a request (docs/GOVERNANCE.md): every
 * DeploymentFailed asks the command side to decide, as the system actor, in a unit of work of its own. The
 * decision is idempotent per failed deployment, so a redelivered event, a replay of this processor or a
 * second instance changes nothing; a decision that cannot be committed (the store is down) throws, and the
 * processor retries the event.
 */
@ProcessingGroup(AutomaticRollbackTrigger.PROCESSING_GROUP)
public class AutomaticRollbackTrigger {
    public static final String PROCESSING_GROUP = "automatic-rollbacks";

    private final BiConsumer<Object, String> systemCommands;
    private final Clock clock;

    /** @param systemCommands sends a command as the system actor under a request id, and waits for it */
    public AutomaticRollbackTrigger(BiConsumer<Object, String> systemCommands, Clock clock) {
        this.systemCommands = systemCommands;
        this.clock = clock;
    }

    @EventHandler
    public void on(DeploymentFailed failed, @MetaDataValue("request_id") String requestId) {
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        systemCommands.accept(new StartAutomaticRollback(failed.deploymentId(), now), requestId);
    }
}
