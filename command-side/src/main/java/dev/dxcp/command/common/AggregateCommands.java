package dev.dxcp.command.common;

import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.modelling.command.Aggregate;
import org.axonframework.modelling.command.Repository;

import java.util.concurrent.Callable;

/**
 * Hands a command straight to an aggregate inside the current unit of work.
 *
 * <p>Set-based rules (idempotency key + quota + service/version, or key + lane + deployment) need
 * several aggregates to decide together and commit together: the coordinating command handler loads
 * each one here, every aggregate still makes its own decision in its own {@code @CommandHandler}, and
 * the single database transaction of the unit of work appends all their events or none. A concurrent
 * writer loses on the event store's (aggregate, sequence) key and is retried from scratch.</p>
 */
public final class AggregateCommands {
    private AggregateCommands() {
    }

    /** Reads an aggregate's state inside the unit of work; a missing aggregate is read as a fresh instance. */
    public static <T, R> R read(Repository<T> repository, String aggregateId, Callable<T> factory,
                                java.util.function.Function<T, R> reader) {
        try {
            return repository.loadOrCreate(aggregateId, factory).invoke(reader);
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException("Aggregate " + aggregateId + " could not be read", e);
        }
    }

    @SuppressWarnings("unchecked")
    public static <T, R> R handle(Repository<T> repository, String aggregateId, Callable<T> factory, Object command) {
        try {
            Aggregate<T> aggregate = repository.loadOrCreate(aggregateId, factory);
            return (R) aggregate.handle(GenericCommandMessage.asCommandMessage(command));
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException("Aggregate " + aggregateId + " could not handle " + command.getClass()
                    .getSimpleName(), e);
        }
    }
}
