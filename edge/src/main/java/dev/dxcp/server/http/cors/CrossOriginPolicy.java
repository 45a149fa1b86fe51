package dev.dxcp.server.http.cors;

import dev.dxcp.events.common.ErrorCode;
import dev.dxcp.events.common.Rejection;
import dev.dxcp.server.observability.RequestIds;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Cross-origin access for portals and UIs served from another origin (DXCP_CORS_ORIGINS, exact origins,
 * none by default). A preflight from a listed origin asking for a method and headers the contract uses
 * is answered 204 here, before authentication (browsers send no token with it); any other preflight gets
 * 403 CORS_NOT_ALLOWED with the error body. Actual requests from a listed origin may read the response
 * and the headers clients rely on (api-contract §2). Tokens travel in Authorization, never cookies, so
 * credentials mode is not allowed.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 1)
public class CrossOriginPolicy implements WebFilter {
    /** Every method of api-contract §1. */
    static final List<String> METHODS = List.of("GET", "POST", "PUT", "PATCH", "DELETE");
    /** Request headers a browser client sends: bearer token, JSON bodies, the contract's two headers. */
    static final List<String> REQUEST_HEADERS = List.of("Authorization", "Content-Type", "Accept",
            "Idempotency-Key", "X-Request-Id");
    /** Response headers clients rely on (api-contract §2); a browser hides any other non-simple header. */
    static final List<String> EXPOSED_HEADERS = List.of("X-Request-Id", "Idempotency-Replayed");
    static final long MAX_AGE_SECONDS = 600;

    private final Set<String> origins;

    public CrossOriginPolicy(@Value("${dxcp.cors.origins:}") String origins) {
        this.origins = parse(origins);
    }

    /** Comma-separated exact origins; anything else stops the start with the value named. */
    static Set<String> parse(String setting) {
        Set<String> parsed = new java.util.LinkedHashSet<>();
        for (String raw : setting == null ? new String[0] : setting.split(",")) {
            String origin = raw.trim();
            if (origin.isEmpty()) {
                continue;
            }
            String normalized = normalize(origin);
            if (!normalized.matches("https?://[a-z0-9.\\-\\[\\]:]+")) {
                throw new IllegalStateException("DXCP_CORS_ORIGINS: '" + origin + "' is not an origin; "
                        + "give scheme://host[:port] values separated by commas, e.g. https://portal.example.com");
            }
            parsed.add(normalized);
        }
        return Set.copyOf(parsed);
    }

    private static String normalize(String origin) {
        String lower = origin.trim().toLowerCase(Locale.ROOT);
        return lower.endsWith("/") ? lower.substring(0, lower.length() - 1) : lower;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        ServerHttpRequest request = exchange.getRequest();
        String origin = request.getHeaders().getOrigin();
        if (origin == null) {
            return chain.filter(exchange);
        }
        boolean allowed = origins.contains(normalize(origin));
        if (isPreflight(request)) {
            return preflight(exchange, origin, allowed);
        }
        if (allowed) {
            HttpHeaders headers = exchange.getResponse().getHeaders();
            headers.set(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN, origin);
            headers.set(HttpHeaders.ACCESS_CONTROL_EXPOSE_HEADERS, String.join(", ", EXPOSED_HEADERS));
        }
        // Caches must not serve one origin's answer (with or without the CORS headers) to another.
        exchange.getResponse().getHeaders().add(HttpHeaders.VARY, HttpHeaders.ORIGIN);
        return chain.filter(exchange);
    }

    private static boolean isPreflight(ServerHttpRequest request) {
        return HttpMethod.OPTIONS.equals(request.getMethod())
                && request.getHeaders().containsKey(HttpHeaders.ACCESS_CONTROL_REQUEST_METHOD);
    }

    private Mono<Void> preflight(ServerWebExchange exchange, String origin, boolean allowed) {
        HttpHeaders asked = exchange.getRequest().getHeaders();
        String method = String.valueOf(asked.getFirst(HttpHeaders.ACCESS_CONTROL_REQUEST_METHOD)).trim();
        List<String> unknownHeaders = unknownHeaders(asked.getAccessControlRequestHeaders());
        ServerHttpResponse response = exchange.getResponse();
        response.getHeaders().add(HttpHeaders.VARY, String.join(", ", HttpHeaders.ORIGIN,
                HttpHeaders.ACCESS_CONTROL_REQUEST_METHOD, HttpHeaders.ACCESS_CONTROL_REQUEST_HEADERS));
        if (!allowed) {
            return Mono.error(new Rejection(ErrorCode.CORS_NOT_ALLOWED,
                    "Origin " + origin + " is not allowed to call this API (DXCP_CORS_ORIGINS)"));
        }
        if (!METHODS.contains(method)) {
            return Mono.error(new Rejection(ErrorCode.CORS_NOT_ALLOWED,
                    "Method " + method + " is not allowed cross-origin; allowed: " + String.join(", ", METHODS)));
        }
        if (!unknownHeaders.isEmpty()) {
            return Mono.error(new Rejection(ErrorCode.CORS_NOT_ALLOWED, "Request headers " + unknownHeaders
                    + " are not allowed cross-origin; allowed: " + String.join(", ", REQUEST_HEADERS)));
        }
        HttpHeaders headers = response.getHeaders();
        headers.set(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN, origin);
        headers.set(HttpHeaders.ACCESS_CONTROL_ALLOW_METHODS, String.join(", ", METHODS));
        headers.set(HttpHeaders.ACCESS_CONTROL_ALLOW_HEADERS, String.join(", ", REQUEST_HEADERS));
        headers.set(HttpHeaders.ACCESS_CONTROL_MAX_AGE, String.valueOf(MAX_AGE_SECONDS));
        headers.set(RequestIds.HEADER, RequestIds.of(exchange));
        response.setStatusCode(HttpStatus.NO_CONTENT);
        return response.setComplete();
    }

    private static List<String> unknownHeaders(List<String> requested) {
        Set<String> known = REQUEST_HEADERS.stream().map(h -> h.toLowerCase(Locale.ROOT)).collect(Collectors.toSet());
        List<String> unknown = new ArrayList<>();
        for (String header : requested) {
            for (String name : header.split(",")) {
                String trimmed = name.trim();
                if (!trimmed.isEmpty() && !known.contains(trimmed.toLowerCase(Locale.ROOT))) {
                    unknown.add(trimmed);
                }
            }
        }
        return unknown;
    }
}
