package dev.dxcp.server.http.configuration;

import dev.dxcp.server.http.Guards;
import dev.dxcp.server.http.RateLimiter;
import dev.dxcp.server.identity.Authenticator;
import dev.dxcp.server.identity.Caller;
import dev.dxcp.server.identity.Role;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;

/**
 * The checks before any delivery-configuration endpoint does its work, in governance §5 order.
 * Reads: authenticate, read rate, (admin reads) role. Admin writes: authenticate, mutate rate, role,
 * kill switch; validation and apply follow in the aggregate.
 */
@Component
public class ConfigurationGate {
    static final String ADMINISTER = "administer delivery configuration";

    private final Authenticator authenticator;
    private final RateLimiter rateLimiter;
    private final Guards guards;

    public ConfigurationGate(Authenticator authenticator, RateLimiter rateLimiter, Guards guards) {
        this.authenticator = authenticator;
        this.rateLimiter = rateLimiter;
        this.guards = guards;
    }

    /** Reads of groups, recipes and environments are open to every role (governance §2). */
    public Caller read(ServerWebExchange exchange) {
        Caller caller = authenticator.authenticate(exchange);
        rateLimiter.check(caller, RateLimiter.Kind.READ);
        return caller;
    }

    /** Admin reads and the guardrails preview, which persists nothing and ignores the kill switch. */
    public Caller adminRead(ServerWebExchange exchange) {
        Caller caller = read(exchange);
        Guards.requireRole(caller, ADMINISTER, Role.PLATFORM_ADMIN);
        return caller;
    }

    public Caller adminWrite(ServerWebExchange exchange) {
        Caller caller = authenticator.authenticate(exchange);
        rateLimiter.check(caller, RateLimiter.Kind.MUTATE);
        Guards.requireRole(caller, ADMINISTER, Role.PLATFORM_ADMIN);
        guards.mutationsEnabled();
        return caller;
    }
}
