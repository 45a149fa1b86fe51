package dev.dxcp.server.http.system;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dxcp.events.common.ErrorCode;
import dev.dxcp.events.engine.EngineMessages.ApplyEngineAdapterChange;
import dev.dxcp.events.engine.EngineMessages.EngineAdapterProblems;
import dev.dxcp.events.engine.EngineMessages.EngineAdapterValidation;
import dev.dxcp.events.engine.EngineMessages.StoreEngineSecrets;
import dev.dxcp.events.engine.EngineMessages.ValidateEngineAdapter;
import dev.dxcp.events.settings.EngineAdapterSettings.Secret;
import dev.dxcp.events.settings.SettingProblem;
import dev.dxcp.events.settings.SettingsMessages.ChangeEngineAdapter;
import dev.dxcp.server.axon.CommandSender;
import dev.dxcp.server.http.AuditMetadata;
import dev.dxcp.server.http.Guards;
import dev.dxcp.server.http.JsonBodies;
import dev.dxcp.server.http.Questions;
import dev.dxcp.server.http.RateLimiter;
import dev.dxcp.server.identity.Authenticator;
import dev.dxcp.server.identity.Caller;
import dev.dxcp.server.identity.Role;
import dev.dxcp.server.observability.RequestIds;
import org.axonframework.messaging.MetaData;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;

import java.time.Clock;
import java.util.List;
import java.util.Map;

/**
 * The engine connection as a runtime setting (api-contract §11 engine-adapters/main). PUT follows the
 * admin-write order of governance §5 (authenticate, mutate rate, role, kill switch, validation, apply;
 * no Idempotency-Key: api-contract §1): the engine side checks the proposal and stores the secrets sent,
 * the change is one event every instance's engine connection picks up at its next engine call, and the
 * secrets it replaced are forgotten. Validate is a read: read rate, never blocked by the kill switch
 * (governance §8), nothing saved.
 */
@RestController
public class EngineAdapterController {
    private static final String PATH = "/v1/admin/system/engine-adapters/main";
    private static final String ADMINISTER = "administer the engine adapter";

    private final Authenticator authenticator;
    private final RateLimiter rateLimiter;
    private final Guards guards;
    private final Questions questions;
    private final CommandSender commands;
    private final ObjectMapper json;
    private final Clock clock;

    public EngineAdapterController(Authenticator authenticator, RateLimiter rateLimiter, Guards guards,
                                   Questions questions, CommandSender commands, ObjectMapper json, Clock clock) {
        this.authenticator = authenticator;
        this.rateLimiter = rateLimiter;
        this.guards = guards;
        this.questions = questions;
        this.commands = commands;
        this.json = json;
        this.clock = clock;
    }

    @GetMapping(PATH)
    public ObjectNode adapter(ServerWebExchange exchange) {
        admin(exchange, RateLimiter.Kind.READ);
        return EngineAdapterJson.adapter(json, questions.settings().engineAdapter());
    }

    @PutMapping(PATH)
    public ObjectNode change(ServerWebExchange exchange, @RequestBody(required = false) byte[] body) {
        Caller caller = admin(exchange, RateLimiter.Kind.MUTATE);
        guards.mutationsEnabled();
        EngineAdapterBody parsed = EngineAdapterBody.parse(JsonBodies.object(exchange, body, ErrorCode.INVALID_REQUEST));
        List<SettingProblem> problems = parsed.problems();
        if (problems.isEmpty()) {
            problems = questions.askList(new EngineAdapterProblems(parsed.unsavedProposal(), parsed.sentSecrets()),
                    SettingProblem.class);
        }
        if (!problems.isEmpty()) {
            throw SettingProblem.invalid(problems);
        }
        MetaData audit = AuditMetadata.of(caller, RequestIds.of(exchange), null);
        // Secrets are stored only once everything else is known to be acceptable; the event names them.
        Map<Secret, String> refs = parsed.sentSecrets().isEmpty() ? Map.of()
                : commands.send(new StoreEngineSecrets(parsed.sentSecrets()), audit);
        commands.send(new ChangeEngineAdapter(parsed.proposal((secret, value) -> refs.get(secret)), clock.instant()),
                audit);
        commands.send(new ApplyEngineAdapterChange(clock.instant()), audit);
        return EngineAdapterJson.adapter(json, questions.settings().engineAdapter());
    }

    /** No body: the settings in force. A body: proposed settings, with secrets left out taken from those in force. */
    @PostMapping(PATH + "/validate")
    public ObjectNode validate(ServerWebExchange exchange, @RequestBody(required = false) byte[] body) {
        admin(exchange, RateLimiter.Kind.READ);
        ValidateEngineAdapter query;
        if (body == null || body.length == 0) {
            query = new ValidateEngineAdapter(null, Map.of(), List.of(), List.of());
        } else {
            JsonNode request = JsonBodies.object(exchange, body, ErrorCode.INVALID_REQUEST);
            EngineAdapterBody parsed = EngineAdapterBody.parse(request);
            query = new ValidateEngineAdapter(parsed.unsavedProposal(), parsed.sentSecrets(), parsed.problems(),
                    parsed.ignored());
        }
        return EngineAdapterJson.result(json, questions.ask(query, EngineAdapterValidation.class));
    }

    private Caller admin(ServerWebExchange exchange, RateLimiter.Kind rate) {
        Caller caller = authenticator.authenticate(exchange);
        rateLimiter.check(caller, rate);
        Guards.requireRole(caller, ADMINISTER, Role.PLATFORM_ADMIN);
        return caller;
    }
}
