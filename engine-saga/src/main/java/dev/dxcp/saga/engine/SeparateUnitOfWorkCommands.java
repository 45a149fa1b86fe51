package dev.dxcp.saga.engine;

import dev.dxcp.events.common.MetaKeys;
import org.axonframework.messaging.MetaData;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.function.BiConsumer;

/**
 * Runs the saga's commands on another thread, so each gets its own unit of work and transaction instead
 * of nesting in the saga step's: a concurrency conflict (a busy lane) then surfaces here, where the
 * command sender retries it, not at the saga's commit. The saga waits for the result.
 */
public class SeparateUnitOfWorkCommands implements BiConsumer<Object, String> {
    static final String ACTOR = "dxcp-engine-saga";

    private final BiConsumer<Object, MetaData> commands;
    private final ExecutorService executor;
    private final String actor;

    /** @param commands sends a command and waits for it, retrying conflicts (the server's command sender) */
    public SeparateUnitOfWorkCommands(BiConsumer<Object, MetaData> commands, ExecutorService executor) {
        this(commands, executor, ACTOR);
    }

    /** @param actor the actor id the commands carry (role SYSTEM), e.g. {@code system} for automatic rollbacks */
    public SeparateUnitOfWorkCommands(BiConsumer<Object, MetaData> commands, ExecutorService executor,
                                      String actor) {
        this.commands = commands;
        this.executor = executor;
        this.actor = actor;
    }

    @Override
    public void accept(Object command, String requestId) {
        Map<String, Object> meta = new HashMap<>();
        meta.put(MetaKeys.ACTOR_ID, actor);
        meta.put(MetaKeys.ACTOR_ROLE, "SYSTEM");
        if (requestId != null) {
            meta.put(MetaKeys.REQUEST_ID, requestId);
        }
        try {
            CompletableFuture.runAsync(() -> commands.accept(command, MetaData.from(meta)), executor).join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException runtime ? runtime : e;
        }
    }
}
