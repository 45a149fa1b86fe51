package dev.dxcp.server.axon;

import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.MessageDispatchInterceptor;

import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;

/**
 * Notes the identifiers of the events a command appends on the calling thread. Commands run on the
 * caller's thread (simple command bus), so after the command returns the caller knows exactly which
 * events to wait for before it answers (see {@link ReadYourWrites}).
 */
public final class AppendedEvents implements MessageDispatchInterceptor<EventMessage<?>> {
    private static final ThreadLocal<List<String>> CURRENT = new ThreadLocal<>();

    /** Starts noting events for this thread; a retry of the command starts afresh. */
    public static void begin() {
        CURRENT.set(new ArrayList<>());
    }

    public static List<String> end() {
        List<String> noted = CURRENT.get();
        CURRENT.remove();
        return noted == null ? List.of() : noted;
    }

    @Override
    public BiFunction<Integer, EventMessage<?>, EventMessage<?>> handle(List<? extends EventMessage<?>> messages) {
        List<String> noted = CURRENT.get();
        if (noted != null) {
            messages.forEach(message -> noted.add(message.getIdentifier()));
        }
        return (index, message) -> message;
    }
}
