package dev.dxcp.server.demo;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

import java.security.SecureRandom;
import java.time.Duration;
import java.util.HexFormat;
import java.util.concurrent.CompletableFuture;

/**
 * While the embedded demo data loads on first start (a few seconds), API calls other than
 * /v1/health wait for it instead of racing it: a newcomer's first request would otherwise replace
 * the CI allowlist between the demo's steps, or meet the demo deployment still running in sandbox.
 * The loader's own calls carry a per-start secret header and pass. Without demo data to load the
 * gate is open from the start; it never waits longer than {@link #LONGEST_WAIT}.
 */
public class DemoDataGate implements WebFilter, Ordered {
    static final String HEADER = "X-Dxcp-Demo-Data";
    static final Duration LONGEST_WAIT = Duration.ofSeconds(60);
    private static final Logger log = LoggerFactory.getLogger(DemoDataGate.class);

    private final CompletableFuture<Void> loaded = new CompletableFuture<>();
    private final String secret;

    public DemoDataGate() {
        byte[] bytes = new byte[24];
        new SecureRandom().nextBytes(bytes);
        secret = HexFormat.of().formatHex(bytes);
    }

    String secret() {
        return secret;
    }

    public void open() {
        loaded.complete(null);
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        String path = exchange.getRequest().getPath().value();
        if (loaded.isDone() || !path.startsWith("/v1/") || path.equals("/v1/health")
                || secret.equals(exchange.getRequest().getHeaders().getFirst(HEADER))) {
            return chain.filter(exchange);
        }
        return Mono.fromFuture(loaded.copy()).timeout(LONGEST_WAIT)
                .onErrorResume(timeout -> {
                    log.warn("event=demo_data_gate_timeout path={} note=\"answering without the demo data\"", path);
                    return Mono.empty();
                })
                .then(chain.filter(exchange));
    }

    /** After the request id filter (so waiting requests keep their id), before everything else. */
    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE + 2;
    }
}
