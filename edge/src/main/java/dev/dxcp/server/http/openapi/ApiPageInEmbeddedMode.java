package dev.dxcp.server.http.openapi;

import dev.dxcp.server.settings.DxcpProperties;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * The browsable API page (swagger-ui, /swagger-ui.html) exists in embedded mode only, i.e. while no OIDC
 * provider is configured (the development issuer's rule): an evaluation convenience, not a production
 * surface. Elsewhere its paths answer 404 like any unknown route. The document itself (/v3/api-docs) is
 * served in every mode.
 */
@Component
public class ApiPageInEmbeddedMode implements WebFilter {
    private final boolean embedded;

    public ApiPageInEmbeddedMode(DxcpProperties properties) {
        this.embedded = !properties.oidc().anyConfigured();
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        String path = exchange.getRequest().getPath().value();
        boolean page = path.startsWith("/swagger-ui") || path.startsWith("/webjars/swagger-ui");
        if (page && !embedded) {
            return Mono.error(new ResponseStatusException(HttpStatus.NOT_FOUND));
        }
        return chain.filter(exchange);
    }
}
