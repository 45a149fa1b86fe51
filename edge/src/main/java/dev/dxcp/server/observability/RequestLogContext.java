package dev.dxcp.server.observability;

import dev.dxcp.events.common.MetaKeys;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.Message;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.slf4j.MDC;

/**
 * Puts the request id of whatever is being handled into the logging context, so every log line carries
 * it: the HTTP request's own lines, the command it sent, the projections and saga handling the events
 * that command caused, the saga's deadline steps and the engine calls they make. The request id travels
 * in message metadata (AuditMetadata, copied from command to events to saga commands).
 */
public final class RequestLogContext<T extends Message<?>> implements MessageHandlerInterceptor<T> {
    public static final String KEY = MetaKeys.REQUEST_ID;

    @Override
    public Object handle(UnitOfWork<? extends T> unitOfWork, InterceptorChain chain) throws Exception {
        Object requestId = unitOfWork.getMessage().getMetaData().get(MetaKeys.REQUEST_ID);
        String previous = MDC.get(KEY);
        if (requestId != null) {
            MDC.put(KEY, requestId.toString());
        }
        try {
            return chain.proceed();
        } finally {
            restore(previous);
        }
    }

    /** Binds the request id on the thread about to do a request's blocking work. */
    public static void bind(String requestId) {
        if (requestId != null) {
            MDC.put(KEY, requestId);
        }
    }

    public static void restore(String previous) {
        if (previous == null) {
            MDC.remove(KEY);
        } else {
            MDC.put(KEY, previous);
        }
    }
}
