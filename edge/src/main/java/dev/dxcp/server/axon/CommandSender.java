package dev.dxcp.server.axon;

import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.common.lock.DeadlockException;
import org.axonframework.messaging.MetaData;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.locks.LockSupport;

/**
 * Sends a command with its audit metadata and answers once the projections have seen its events.
 *
 * <p>A concurrency conflict means another request changed one of the same aggregates first (the
 * event store's unique (aggregate, sequence) key decided). The whole decision is then re-run against
 * the new state: that is how set-based rules hold under concurrent requests. A lock deadlock (two
 * decisions locking the same aggregates in different order in this process; Axon detects the cycle and
 * fails one) is the same kind of collision and is retried the same way.</p>
 */
public class CommandSender {
    private static final Logger log = LoggerFactory.getLogger(CommandSender.class);
    private static final int MAX_ATTEMPTS = 12;

    private final CommandGateway gateway;
    private final ProjectionCatchUp readYourWrites;

    public CommandSender(CommandGateway gateway, ProjectionCatchUp readYourWrites) {
        this.gateway = gateway;
        this.readYourWrites = readYourWrites;
    }

    public <R> R send(Object command, MetaData metaData) {
        String requestId = (String) metaData.get("request_id");
        for (int attempt = 1; ; attempt++) {
            AppendedEvents.begin();
            try {
                R result = gateway.sendAndWait(GenericCommandMessage.asCommandMessage(command).andMetaData(metaData));
                List<String> appended = AppendedEvents.end();
                readYourWrites.await(appended, requestId);
                return result;
            } catch (ConcurrencyException | AggregateStreamCreationException | DeadlockException conflict) {
                AppendedEvents.end();
                if (attempt >= MAX_ATTEMPTS) {
                    throw conflict;
                }
                log.debug("event=command_conflict_retry command={} attempt={} request_id={}",
                        command.getClass().getSimpleName(), attempt, requestId);
                LockSupport.parkNanos(backoffNanos(attempt));
            } catch (RuntimeException e) {
                AppendedEvents.end();
                throw e;
            }
        }
    }

    /** Jittered, growing pause so that racing retries spread out instead of colliding again. */
    private static long backoffNanos(int attempt) {
        long capMicros = Math.min(50_000, 500L << Math.min(attempt, 7));
        return ThreadLocalRandom.current().nextLong(capMicros / 2, capMicros + 1) * 1_000;
    }
}
