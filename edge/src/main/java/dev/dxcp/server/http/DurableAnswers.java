package dev.dxcp.server.http;

import org.springframework.http.HttpMethod;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import java.util.Set;

/**
 * On the embedded database, a request that may have written is answered only after what it committed is
 * on disk: a 2xx is a promise that survives a crash, as it does on PostgreSQL (docs/DECISIONS.md). The
 * sync runs as the response commits, before its first byte, off the event loop. Reads never wait.
 */
public class DurableAnswers implements WebFilter {
    private static final Set<HttpMethod> READS = Set.of(HttpMethod.GET, HttpMethod.HEAD, HttpMethod.OPTIONS);

    private final Runnable sync;

    /** @param syncCommitted puts what the database has committed on disk (FileDatabaseSync) */
    public DurableAnswers(Runnable syncCommitted) {
        this.sync = syncCommitted;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        if (!READS.contains(exchange.getRequest().getMethod())) {
            exchange.getResponse().beforeCommit(() -> Mono.fromRunnable(sync)
                    .subscribeOn(Schedulers.boundedElastic()).then());
        }
        return chain.filter(exchange);
    }
}
