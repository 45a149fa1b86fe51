package dev.dxcp.server.http;

import dev.dxcp.events.common.Rejection;
import dev.dxcp.events.settings.EffectiveSettings;
import dev.dxcp.events.settings.SettingsMessages.CurrentSettings;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.reactivestreams.Publisher;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * How the edge reads: a query message of shared-events, answered by whichever module owns the answer.
 * A refusal a handler throws comes back as itself, so the error handler maps it like any other.
 */
public class Questions {
    private final QueryGateway gateway;

    public Questions(QueryGateway gateway) {
        this.gateway = gateway;
    }

    /** The settings in force, read anew: an admin's change applies at once on every instance (governance §8). */
    public EffectiveSettings settings() {
        return ask(new CurrentSettings(), EffectiveSettings.class);
    }

    public <R> R ask(Object query, Class<R> answer) {
        return join(gateway.query(query, ResponseTypes.instanceOf(answer)));
    }

    public <R> Optional<R> askOptional(Object query, Class<R> answer) {
        return join(gateway.query(query, ResponseTypes.optionalInstanceOf(answer)));
    }

    public <R> List<R> askList(Object query, Class<R> element) {
        return join(gateway.query(query, ResponseTypes.multipleInstancesOf(element)));
    }

    /** A streaming query: the answer arrives as the caller consumes it. */
    public <R> Publisher<R> askStream(Object query, Class<R> element) {
        return gateway.streamingQuery(query, element);
    }

    private static <R> R join(CompletableFuture<R> answer) {
        try {
            return answer.join();
        } catch (CompletionException failed) {
            for (Throwable cause = failed.getCause(); cause != null; cause = cause.getCause()) {
                if (cause instanceof Rejection rejection) {
                    throw rejection;
                }
            }
            throw failed.getCause() instanceof RuntimeException runtime ? runtime : failed;
        }
    }
}
