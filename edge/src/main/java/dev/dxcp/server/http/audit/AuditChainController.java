package dev.dxcp.server.http.audit;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dxcp.events.audit.AuditQueries.VerifyAuditChain;
import dev.dxcp.events.audit.ChainVerification;
import dev.dxcp.server.http.Guards;
import dev.dxcp.server.http.Questions;
import dev.dxcp.server.http.RateLimiter;
import dev.dxcp.server.identity.Authenticator;
import dev.dxcp.server.identity.Caller;
import dev.dxcp.server.identity.Role;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;

/**
 * GET /v1/admin/audit/verify?from=&to= (docs/AUDIT.md): recomputes the tamper-evidence chain over the
 * positions from..to (inclusive; default all) from the current event rows. Platform admins only; it
 * changes nothing, so it is charged as a read and the kill switch does not apply.
 */
@RestController
public class AuditChainController {
    private final Authenticator authenticator;
    private final RateLimiter rateLimiter;
    private final Questions questions;
    private final ObjectMapper json;

    public AuditChainController(Authenticator authenticator, RateLimiter rateLimiter, Questions questions,
                                ObjectMapper json) {
        this.authenticator = authenticator;
        this.rateLimiter = rateLimiter;
        this.questions = questions;
        this.json = json;
    }

    @GetMapping("/v1/admin/audit/verify")
    public ObjectNode verify(ServerWebExchange exchange, @RequestParam(name = "from", required = false) String from,
                             @RequestParam(name = "to", required = false) String to) {
        Caller caller = authenticator.authenticate(exchange);
        rateLimiter.check(caller, RateLimiter.Kind.READ);
        Guards.requireRole(caller, "verify the audit chain", Role.PLATFORM_ADMIN);
        Long first = AuditParams.position(from, "from");
        Long last = AuditParams.position(to, "to");
        ChainVerification result = questions.ask(new VerifyAuditChain(first == null ? 0 : first,
                last == null ? Long.MAX_VALUE : last), ChainVerification.class);
        return render(result);
    }

    private ObjectNode render(ChainVerification result) {
        ObjectNode body = json.createObjectNode();
        body.put("verified", result.verified());
        body.put("checked", result.checked());
        body.put("unchained", result.unchained());
        body.put("from", result.from());
        if (result.to() == Long.MAX_VALUE) {
            body.putNull("to");
        } else {
            body.put("to", result.to());
        }
        if (result.head() == null) {
            body.putNull("head");
        } else {
            ObjectNode head = body.putObject("head");
            head.put("link", result.head().link());
            head.put("position", result.head().position());
            head.put("event_id", result.head().eventId());
            head.put("entry_hash", result.head().entryHash());
        }
        if (result.mismatch() != null) {
            ChainVerification.Mismatch m = result.mismatch();
            ObjectNode mismatch = body.putObject("mismatch");
            mismatch.put("link", m.link());
            mismatch.put("position", m.position());
            mismatch.put("event_id", m.eventId());
            mismatch.put("reason", m.reason());
            mismatch.put("expected_hash", m.expectedHash());
            mismatch.put("actual_hash", m.actualHash());
        }
        return body;
    }
}
