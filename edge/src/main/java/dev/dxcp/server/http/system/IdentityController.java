package dev.dxcp.server.http.system;

import dev.dxcp.server.identity.Authenticator;
import dev.dxcp.server.identity.Caller;
import dev.dxcp.server.http.RateLimiter;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;

import java.util.LinkedHashMap;
import java.util.Map;

/** Health and identity echo (api-contract §3). */
@RestController
public class IdentityController {
    private final Authenticator authenticator;
    private final RateLimiter rateLimiter;

    public IdentityController(Authenticator authenticator, RateLimiter rateLimiter) {
        this.authenticator = authenticator;
        this.rateLimiter = rateLimiter;
    }

    /** No authentication, not rate limited; an Authorization header, even a bad one, is ignored. */
    @GetMapping("/v1/health")
    public Map<String, String> health() {
        return Map.of("status", "ok");
    }

    /** Echoes the validated token: CI helpers assert iss, aud, azp and sub from this (clients §1). */
    @GetMapping("/v1/whoami")
    public Map<String, Object> whoami(ServerWebExchange exchange) {
        Caller caller = authenticator.authenticate(exchange);
        rateLimiter.check(caller, RateLimiter.Kind.READ);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("actor_id", caller.actorId());
        body.put("sub", caller.sub());
        body.put("email", caller.email() != null ? caller.email() : caller.customEmail());
        body.put("iss", caller.issuer());
        body.put("aud", caller.audience());
        body.put("azp", caller.azp());
        return body;
    }
}
