package dev.dxcp.server.identity;

import dev.dxcp.server.observability.RequestIds;
import dev.dxcp.server.observability.RequestLogContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.web.server.ServerWebExchange;

/**
 * Authenticates a request's bearer token. Called by each endpoint after routing, so unknown paths
 * and methods answer 404/405 whatever the credentials (api-contract §1).
 */
public class Authenticator {
    public static final String CALLER_ATTRIBUTE = "dxcp.caller";
    private static final Logger log = LoggerFactory.getLogger(Authenticator.class);

    private final TokenVerifier verifier;
    private final String rolesClaim;
    private final String emailClaim;

    /** @param verifier null when the identity settings are incomplete (every call then answers 500). */
    public Authenticator(TokenVerifier verifier, String rolesClaim, String emailClaim) {
        this.verifier = verifier;
        this.rolesClaim = rolesClaim;
        this.emailClaim = emailClaim;
    }

    public Caller authenticate(ServerWebExchange exchange) {
        // Every endpoint authenticates first, on the thread that does the request's blocking work: from
        // here on that thread's log lines carry the request id (the executor clears it after the task).
        RequestLogContext.bind(RequestIds.of(exchange));
        if (verifier == null) {
            throw Denials.oidcConfigMissing();
        }
        String header = exchange.getRequest().getHeaders().getFirst(HttpHeaders.AUTHORIZATION);
        if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7) || header.substring(7).isBlank()) {
            throw Denials.unauthorized();
        }
        TokenVerifier.Verified claims;
        try {
            claims = verifier.verify(header.substring(7).trim());
        } catch (InvalidToken e) {
            log.info("event=token_rejected reason={} detail=\"{}\" request_id={}", e.reason(), e.detail(),
                    RequestIds.of(exchange));
            throw Denials.unauthorized();
        }
        Caller caller = IdentityClaims.toCaller(claims.claims(), claims.payload(), rolesClaim, emailClaim);
        exchange.getAttributes().put(CALLER_ATTRIBUTE, caller);
        return caller;
    }
}
