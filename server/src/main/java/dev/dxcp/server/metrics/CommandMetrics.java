package dev.dxcp.server.metrics;

import dev.dxcp.events.common.Rejection;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.axonframework.modelling.command.ConcurrencyException;

/**
 * Rate and latency of every command by type and outcome ({@code dxcp_commands_seconds_*}): success,
 * rejected (a contract refusal), conflict (lost a race; the sender retries) or error.
 */
public final class CommandMetrics implements MessageHandlerInterceptor<CommandMessage<?>> {
    static final String NAME = "dxcp.commands";

    private final MeterRegistry registry;

    public CommandMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    @Override
    public Object handle(UnitOfWork<? extends CommandMessage<?>> unitOfWork, InterceptorChain chain) throws Exception {
        long started = System.nanoTime();
        String outcome = "success";
        try {
            return chain.proceed();
        } catch (Rejection e) {
            outcome = "rejected";
            throw e;
        } catch (ConcurrencyException e) {
            outcome = "conflict";
            throw e;
        } catch (Exception | Error e) {
            outcome = "error";
            throw e;
        } finally {
            Timer.builder(NAME).description("Commands handled, by type and outcome")
                    .tag("command", unitOfWork.getMessage().getPayloadType().getSimpleName())
                    .tag("outcome", outcome)
                    .register(registry).record(System.nanoTime() - started, java.util.concurrent.TimeUnit.NANOSECONDS);
        }
    }
}
