package dev.dxcp.server.http.system;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dxcp.events.common.ErrorCode;
import dev.dxcp.events.settings.EffectiveSettings.Sourced;
import dev.dxcp.events.settings.SettingProblem;
import dev.dxcp.command.settings.SystemSettingsView;
import dev.dxcp.events.settings.EngineAdapterSettings;
import dev.dxcp.events.settings.EngineAdapterSettings.Secret;
import dev.dxcp.events.settings.SettingsMessages.ChangeEngineAdapter;
import dev.dxcp.server.axon.CommandSender;
import dev.dxcp.saga.engine.EngineAdapterCheck;
import dev.dxcp.saga.engine.EngineConnection;
import dev.dxcp.saga.engine.EngineSecrets;
import dev.dxcp.server.http.AuditMetadata;
import dev.dxcp.server.http.Guards;
import dev.dxcp.server.http.JsonBodies;
import dev.dxcp.server.http.RateLimiter;
import dev.dxcp.server.http.RequestIds;
import dev.dxcp.server.identity.Authenticator;
import dev.dxcp.server.identity.Caller;
import dev.dxcp.server.identity.Role;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;

import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;

/**
 * The engine connection as a runtime setting (api-contract §11 engine-adapters/main). PUT follows the
 * admin-write order of governance §5 (authenticate, mutate rate, role, kill switch, validation, apply;
 * no Idempotency-Key: api-contract §1); the change is one event that every instance's
 * {@link EngineConnection} picks up at its next engine call. Validate is a read: read rate, never
 * blocked by the kill switch (governance §8), nothing saved.
 */
@RestController
public class EngineAdapterController {
    private static final String PATH = "/v1/admin/system/engine-adapters/main";
    private static final String ADMINISTER = "administer the engine adapter";
    /** Longer than any command takes: a racing write's secret is never deleted before its event commits. */
    private static final Duration SECRET_GRACE = Duration.ofMinutes(10);

    private final Authenticator authenticator;
    private final RateLimiter rateLimiter;
    private final Guards guards;
    private final SystemSettingsView settings;
    private final CommandSender commands;
    private final EngineSecrets secrets;
    private final EngineAdapterCheck check;
    private final EngineConnection engine;
    private final ObjectMapper json;
    private final Clock clock;

    public EngineAdapterController(Authenticator authenticator, RateLimiter rateLimiter, Guards guards,
                                   SystemSettingsView settings, CommandSender commands, EngineSecrets secrets,
                                   EngineAdapterCheck check, EngineConnection engine, ObjectMapper json, Clock clock) {
        this.authenticator = authenticator;
        this.rateLimiter = rateLimiter;
        this.guards = guards;
        this.settings = settings;
        this.commands = commands;
        this.secrets = secrets;
        this.check = check;
        this.engine = engine;
        this.json = json;
        this.clock = clock;
    }

    @GetMapping(PATH)
    public ObjectNode adapter(ServerWebExchange exchange) {
        admin(exchange, RateLimiter.Kind.READ);
        return EngineAdapterJson.adapter(json, settings.current().engineAdapter());
    }

    @PutMapping(PATH)
    public ObjectNode change(ServerWebExchange exchange, @RequestBody(required = false) byte[] body) {
        Caller caller = admin(exchange, RateLimiter.Kind.MUTATE);
        guards.mutationsEnabled();
        EngineAdapterBody parsed = EngineAdapterBody.parse(JsonBodies.object(exchange, body, ErrorCode.INVALID_REQUEST));
        List<SettingProblem> problems = parsed.problems();
        if (problems.isEmpty()) {
            EngineAdapterSettings candidate = parsed.unsavedProposal()
                    .applyTo(settings.current().engineAdapter().value());
            problems = check.problems(candidate, parsed.unsavedSecrets(secrets));
        }
        if (!problems.isEmpty()) {
            throw SettingProblem.invalid(problems);
        }
        // Secrets are stored only once everything else is known to be acceptable; the event names them.
        commands.send(new ChangeEngineAdapter(parsed.proposal((secret, value) -> secrets.store(value)),
                clock.instant()), AuditMetadata.of(caller, RequestIds.of(exchange), null));
        Sourced<EngineAdapterSettings> saved = settings.current().engineAdapter();
        secrets.forgetAllBut(Arrays.stream(Secret.values()).map(saved.value()::secretRef).toList(), SECRET_GRACE);
        // This instance switches now rather than at its next deployment; the others at their next engine call.
        engine.client();
        return EngineAdapterJson.adapter(json, saved);
    }

    /** No body: the settings in force. A body: proposed settings, with secrets left out taken from those in force. */
    @PostMapping(PATH + "/validate")
    public ObjectNode validate(ServerWebExchange exchange, @RequestBody(required = false) byte[] body) {
        admin(exchange, RateLimiter.Kind.READ);
        EngineAdapterSettings current = settings.current().engineAdapter().value();
        if (body == null || body.length == 0) {
            return EngineAdapterJson.result(json, check.validate(current, secrets, List.of(), List.of()));
        }
        JsonNode request = JsonBodies.object(exchange, body, ErrorCode.INVALID_REQUEST);
        EngineAdapterBody parsed = EngineAdapterBody.parse(request);
        return EngineAdapterJson.result(json, check.validate(parsed.unsavedProposal().applyTo(current),
                parsed.unsavedSecrets(secrets), parsed.problems(), parsed.ignored()));
    }

    private Caller admin(ServerWebExchange exchange, RateLimiter.Kind rate) {
        Caller caller = authenticator.authenticate(exchange);
        rateLimiter.check(caller, rate);
        Guards.requireRole(caller, ADMINISTER, Role.PLATFORM_ADMIN);
        return caller;
    }
}
