package dev.dxcp.server.http;

import dev.dxcp.events.common.ErrorCode;
import dev.dxcp.events.common.Rejection;
import dev.dxcp.server.settings.HttpTimeouts;
import dev.dxcp.server.observability.RequestOutcome;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.core.io.buffer.DefaultDataBufferFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.http.server.reactive.ServerHttpRequestDecorator;
import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.time.Duration;

/**
 * Every request body is read in full, without blocking, before any handler runs; only then does the
 * request go on to its controller on the blocking pool. A body that arrives slowly therefore holds a
 * connection, never a request thread: eighty clients trickling bodies once took every thread and froze
 * the API. A body that is not complete within the body-read timeout (DXCP_BODY_READ_TIMEOUT) is answered
 * 408 with the error body, one log line and the connection closed; a body over the size limit, 413 (the
 * connection stays open so that a client still sending can read the answer; what it sends after the answer
 * is discarded, and the header-read timeout, which those bytes start, closes the connection).
 *
 * <p>The body is then served from memory to whoever reads it ({@code @RequestBody}), within the same
 * size limit as the codecs (DXCP_MAX_BODY_BYTES). {@code exchange.getFormData()} would read the original
 * body a second time: read forms from the body instead (the development issuer does).</p>
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 2)
public class RequestBodies implements WebFilter {
    private static final String BODY_READ = RequestOutcome.BODY_READ;
    private static final byte[] NO_BODY = new byte[0];

    private final Duration timeout;
    private final int maxBytes;

    public RequestBodies(HttpTimeouts timeouts, @Value("${spring.codec.max-in-memory-size}") DataSize maxBody) {
        this.timeout = timeouts.bodyReadTimeout();
        this.maxBytes = (int) maxBody.toBytes();
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        ServerHttpRequest request = exchange.getRequest();
        HttpHeaders headers = request.getHeaders();
        if (headers.getContentLength() <= 0 && !headers.containsKey(HttpHeaders.TRANSFER_ENCODING)) {
            exchange.getAttributes().put(BODY_READ, NO_BODY);
            return chain.filter(exchange);
        }
        if (headers.getContentLength() > maxBytes) {
            return Mono.error(new DataBufferLimitException("Content-Length over " + maxBytes + " bytes"));
        }
        return DataBufferUtils.join(request.getBody(), maxBytes)
                .timeout(timeout, Mono.error(() -> {
                    RequestOutcome.bodyTimedOut(exchange);
                    // The rest of the body may still come, at the same crawl: the answer closes the connection.
                    exchange.getResponse().getHeaders().set(HttpHeaders.CONNECTION, "close");
                    return new Rejection(ErrorCode.REQUEST_BODY_TIMEOUT, "The request body did not arrive in time");
                }))
                .map(RequestBodies::bytes)
                .defaultIfEmpty(NO_BODY)
                .flatMap(body -> {
                    exchange.getAttributes().put(BODY_READ, body);
                    return chain.filter(exchange.mutate().request(new ReadBody(request, body)).build());
                });
    }

    /** The request's body, already in memory: for a handler that takes no {@code @RequestBody}. */
    public static byte[] bodyOf(ServerWebExchange exchange) {
        byte[] body = exchange.getAttribute(BODY_READ);
        return body == null ? NO_BODY : body;
    }

    private static byte[] bytes(DataBuffer joined) {
        try {
            byte[] bytes = new byte[joined.readableByteCount()];
            joined.read(bytes);
            return bytes;
        } finally {
            DataBufferUtils.release(joined);
        }
    }

    /** The request with its body already in memory. */
    private static final class ReadBody extends ServerHttpRequestDecorator {
        private final byte[] body;

        ReadBody(ServerHttpRequest request, byte[] body) {
            super(request);
            this.body = body;
        }

        @Override
        public Flux<DataBuffer> getBody() {
            return body.length == 0 ? Flux.empty() : Flux.defer(() -> Flux.just(DefaultDataBufferFactory.sharedInstance.wrap(body)));
        }
    }
}
