package dev.dxcp.server.observability;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;
import reactor.core.publisher.SignalType;

import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Pattern;

/**
 * Every response carries X-Request-Id: the caller's value when it is a sane token, else a fresh UUID
 * (spec README). One access line per request ties the request id to method, path, status and time.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
public class RequestIds implements WebFilter {
    public static final String HEADER = "X-Request-Id";
    public static final String ATTRIBUTE = "dxcp.requestId";
    private static final Pattern ACCEPTABLE = Pattern.compile("[A-Za-z0-9._:@/+=-]{1,128}");
    private static final Logger log = LoggerFactory.getLogger("dxcp.access");
    /** No answer was sent: the client closed the connection first (the status nginx logs for it). */
    private static final int CLIENT_CLOSED = 499;

    public static String of(ServerWebExchange exchange) {
        String id = exchange.getAttribute(ATTRIBUTE);
        return id != null ? id : "unknown";
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        String sent = exchange.getRequest().getHeaders().getFirst(HEADER);
        // A value we could not safely echo into headers and logs is replaced, not rejected.
        String id = sent != null && ACCEPTABLE.matcher(sent).matches() ? sent : UUID.randomUUID().toString();
        exchange.getAttributes().put(ATTRIBUTE, id);
        exchange.getResponse().getHeaders().set(HEADER, id);
        long started = System.nanoTime();
        // Logged when the status is final, i.e. as the response commits: an error is turned into its
        // response by ErrorResponses only after this filter's chain has failed.
        AtomicBoolean logged = new AtomicBoolean();
        exchange.getResponse().beforeCommit(() -> {
            exchange.getResponse().getHeaders().set(HEADER, id);
            logAccess(exchange, id, started, logged);
            return Mono.empty();
        });
        return chain.filter(exchange).doFinally(signal -> {
            if (signal == SignalType.CANCEL) {
                // The client went away before the answer: say so, instead of a status nobody sent.
                RequestOutcome.abandoned(exchange);
                logAccess(exchange, id, started, logged);
            }
        });
    }

    private static int status(ServerWebExchange exchange) {
        var status = exchange.getResponse().getStatusCode();
        return status == null ? 200 : status.value();
    }

    private static void logAccess(ServerWebExchange exchange, String id, long started, AtomicBoolean logged) {
        if (logged.compareAndSet(false, true)) {
            String previous = MDC.get(RequestLogContext.KEY);
            RequestLogContext.bind(id);
            try {
                String outcome = RequestOutcome.of(exchange);
                long millis = (System.nanoTime() - started) / 1_000_000;
                if (outcome == null) {
                    log.info("event=http_request method={} path={} status={} duration_ms={} request_id={}",
                            exchange.getRequest().getMethod(), exchange.getRequest().getPath().value(),
                            status(exchange), millis, id);
                } else {
                    log.info("event=http_request method={} path={} status={} outcome={} duration_ms={} request_id={}",
                            exchange.getRequest().getMethod(), exchange.getRequest().getPath().value(),
                            outcome.startsWith("abandoned") ? CLIENT_CLOSED : status(exchange), outcome, millis, id);
                }
            } finally {
                RequestLogContext.restore(previous);
            }
        }
    }
}
