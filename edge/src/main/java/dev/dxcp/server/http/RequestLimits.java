package dev.dxcp.server.http;

import dev.dxcp.events.common.ErrorCode;
import dev.dxcp.events.common.Rejection;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

import java.util.List;
import java.util.Map;

/**
 * DXCP's own limits on request lines and headers. The HTTP server accepts far more (1 MB) so that an
 * oversized request still reaches this filter and is refused with the error body and a request id,
 * instead of a bare status from the network layer.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 1)
public class RequestLimits implements WebFilter {
    static final int MAX_URI_CHARS = 8_192;
    static final int MAX_HEADER_BYTES = 32_768;

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        if (exchange.getRequest().getURI().toString().length() > MAX_URI_CHARS) {
            return Mono.error(new Rejection(ErrorCode.REQUEST_LINE_TOO_LONG, "Request line is too long"));
        }
        if (headerBytes(exchange.getRequest().getHeaders()) > MAX_HEADER_BYTES) {
            return Mono.error(new Rejection(ErrorCode.REQUEST_HEADERS_TOO_LARGE, "Request headers are too large"));
        }
        return chain.filter(exchange);
    }

    private static long headerBytes(Map<String, List<String>> headers) {
        long total = 0;
        for (Map.Entry<String, List<String>> header : headers.entrySet()) {
            for (String value : header.getValue()) {
                total += header.getKey().length() + value.length() + 4;
            }
        }
        return total;
    }
}
