package dev.dxcp.server.http;

import dev.dxcp.server.observability.RequestLogContext;
import org.slf4j.Logger;
import org.slf4j.MDC;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

import java.util.UUID;
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
        exchange.getResponse().beforeCommit(() -> {
            exchange.getResponse().getHeaders().set(HEADER, id);
            return Mono.empty();
        });
        long started = System.nanoTime();
        return chain.filter(exchange).doFinally(signal -> {
            String previous = MDC.get(RequestLogContext.KEY);
            RequestLogContext.bind(id);
            try {
                log.info("event=http_request method={} path={} status={} duration_ms={} request_id={}",
                        exchange.getRequest().getMethod(), exchange.getRequest().getPath().value(),
                        exchange.getResponse().getStatusCode() == null ? 200
                                : exchange.getResponse().getStatusCode().value(),
                        (System.nanoTime() - started) / 1_000_000, id);
            } finally {
                RequestLogContext.restore(previous);
            }
        });
    }
}
