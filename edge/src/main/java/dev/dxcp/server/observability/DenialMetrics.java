package dev.dxcp.server.observability;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.web.reactive.HandlerMapping;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.util.pattern.PathPattern;

import java.util.Set;

/**
 * Requests refused for rate or quota ({@code dxcp_requests_denied_total}), by code and endpoint. The
 * endpoint is the route pattern ({@code /v1/deployments/{id}/rollback}), never the raw path, so ids do
 * not multiply the series.
 */
public final class DenialMetrics {
    private static final Set<String> COUNTED = Set.of("RATE_LIMITED", "QUOTA_EXCEEDED");

    private final MeterRegistry registry;

    public DenialMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    public void refused(ServerWebExchange exchange, String code) {
        if (!COUNTED.contains(code)) {
            return;
        }
        Object pattern = exchange.getAttribute(HandlerMapping.BEST_MATCHING_PATTERN_ATTRIBUTE);
        String endpoint = pattern instanceof PathPattern path ? path.getPatternString() : "unmatched";
        Counter.builder("dxcp.requests.denied").description("Requests refused for rate limits or quotas")
                .tag("code", code).tag("method", exchange.getRequest().getMethod().name()).tag("endpoint", endpoint)
                .register(registry).increment();
    }
}
