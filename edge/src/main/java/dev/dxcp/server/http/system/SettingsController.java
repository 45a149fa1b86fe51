package dev.dxcp.server.http.system;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dxcp.events.common.ErrorCode;
import dev.dxcp.events.common.Rejection;
import dev.dxcp.events.settings.CiPublisher;
import dev.dxcp.events.settings.EffectiveSettings;
import dev.dxcp.events.settings.RateLimits;
import dev.dxcp.events.settings.SettingsMessages.ChangeRateLimits;
import dev.dxcp.events.settings.SettingsMessages.ChangeUiExposurePolicy;
import dev.dxcp.events.settings.SettingsMessages.ReplaceCiPublishers;
import dev.dxcp.events.settings.SettingsMessages.SetMutationsDisabled;
import dev.dxcp.events.settings.UiExposurePolicy;
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
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;

import java.time.Clock;
import java.util.List;

/**
 * Admin system settings (api-contract §11). Admin writes follow governance §5: authenticate, mutate
 * rate, role, kill switch (never for the kill switch itself), key (ci-publishers only), validation,
 * apply. Each write is one event carrying the old and new value: the ADMIN_CONFIG_CHANGE audit.
 */
@RestController
public class SettingsController {
    private static final String ADMINISTER = "administer system settings";

    private final Authenticator authenticator;
    private final RateLimiter rateLimiter;
    private final Guards guards;
    private final Questions settings;
    private final CommandSender commands;
    private final ObjectMapper json;
    private final Clock clock;

    public SettingsController(Authenticator authenticator, RateLimiter rateLimiter, Guards guards,
                              Questions settings, CommandSender commands, ObjectMapper json, Clock clock) {
        this.authenticator = authenticator;
        this.rateLimiter = rateLimiter;
        this.guards = guards;
        this.settings = settings;
        this.commands = commands;
        this.json = json;
        this.clock = clock;
    }

    @GetMapping("/v1/admin/system/ci-publishers")
    public ObjectNode ciPublishers(ServerWebExchange exchange) {
        adminRead(exchange);
        return publishersBody(settings.settings().ciPublishers());
    }

    @PutMapping("/v1/admin/system/ci-publishers")
    public ObjectNode replaceCiPublishers(ServerWebExchange exchange, @RequestBody(required = false) byte[] body) {
        Caller caller = adminWrite(exchange, true);
        String key = Guards.requireIdempotencyKey(exchange);
        JsonNode request = JsonBodies.object(exchange, body, ErrorCode.INVALID_REQUEST);
        List<CiPublisher> publishers = CiPublisherJson.parseList(request.get("publishers"), false);
        commands.send(new ReplaceCiPublishers(publishers, clock.instant()),
                AuditMetadata.of(caller, RequestIds.of(exchange), key));
        return publishersBody(settings.settings().ciPublishers());
    }

    @GetMapping("/v1/admin/system/rate-limits")
    public ObjectNode rateLimits(ServerWebExchange exchange) {
        adminRead(exchange);
        return rateLimitsBody(settings.settings().rateLimits());
    }

    /** Strict body: all three as JSON integers within bounds (api-contract §11). */
    @PutMapping("/v1/admin/system/rate-limits")
    public ObjectNode changeRateLimits(ServerWebExchange exchange, @RequestBody(required = false) byte[] body) {
        Caller caller = adminWrite(exchange, true);
        JsonNode request = JsonBodies.object(exchange, body, ErrorCode.INVALID_REQUEST);
        RateLimits limits = new RateLimits(boundedInt(request, "read_rpm", 1, 5000),
                boundedInt(request, "mutate_rpm", 1, 5000), boundedInt(request, "daily_quota_build_register", 0, 5000));
        commands.send(new ChangeRateLimits(limits, clock.instant()),
                AuditMetadata.of(caller, RequestIds.of(exchange), null));
        return rateLimitsBody(settings.settings().rateLimits());
    }

    @GetMapping("/v1/admin/system/mutations-disabled")
    public ObjectNode mutationsDisabled(ServerWebExchange exchange) {
        adminRead(exchange);
        return killSwitchBody(settings.settings().mutationsDisabled());
    }

    /** The kill switch is never blocked by itself, and needs no Idempotency-Key (governance §8). */
    @PutMapping("/v1/admin/system/mutations-disabled")
    public ObjectNode setMutationsDisabled(ServerWebExchange exchange, @RequestBody(required = false) byte[] body) {
        Caller caller = adminWrite(exchange, false);
        JsonNode request = JsonBodies.object(exchange, body, ErrorCode.INVALID_REQUEST);
        JsonNode disabled = request.get("mutations_disabled");
        if (disabled == null || !disabled.isBoolean()) {
            throw invalid("mutations_disabled must be a JSON boolean");
        }
        JsonNode reason = request.get("reason");
        if (reason != null && !reason.isNull() && !reason.isTextual()) {
            throw invalid("reason must be a string");
        }
        commands.send(new SetMutationsDisabled(disabled.booleanValue(),
                        reason == null || reason.isNull() ? null : reason.asText(), clock.instant()),
                AuditMetadata.of(caller, RequestIds.of(exchange), null));
        return killSwitchBody(settings.settings().mutationsDisabled());
    }

    @PatchMapping("/v1/admin/system/mutations-disabled")
    public ObjectNode patchMutationsDisabled(ServerWebExchange exchange, @RequestBody(required = false) byte[] body) {
        return setMutationsDisabled(exchange, body);
    }

    @GetMapping("/v1/admin/system/ui-exposure-policy")
    public ObjectNode uiExposurePolicy(ServerWebExchange exchange) {
        adminRead(exchange);
        return exposureBody(settings.settings().uiExposure());
    }

    @PutMapping("/v1/admin/system/ui-exposure-policy")
    public ObjectNode changeUiExposurePolicy(ServerWebExchange exchange, @RequestBody(required = false) byte[] body) {
        Caller caller = adminWrite(exchange, true);
        JsonNode request = JsonBodies.object(exchange, body, ErrorCode.INVALID_REQUEST);
        UiExposurePolicy policy = new UiExposurePolicy(display(request, "artifactRef"),
                display(request, "externalLinks"));
        commands.send(new ChangeUiExposurePolicy(policy, clock.instant()),
                AuditMetadata.of(caller, RequestIds.of(exchange), null));
        return exposureBody(settings.settings().uiExposure());
    }

    /** Readable by every role (api-contract §3). */
    @GetMapping("/v1/ui/policy/ui-exposure")
    public ObjectNode uiExposureForEveryone(ServerWebExchange exchange) {
        Caller caller = authenticator.authenticate(exchange);
        rateLimiter.check(caller, RateLimiter.Kind.READ);
        return exposureBody(settings.settings().uiExposure());
    }

    private void adminRead(ServerWebExchange exchange) {
        Caller caller = authenticator.authenticate(exchange);
        rateLimiter.check(caller, RateLimiter.Kind.READ);
        Guards.requireRole(caller, ADMINISTER, Role.PLATFORM_ADMIN);
    }

    private Caller adminWrite(ServerWebExchange exchange, boolean blockedByKillSwitch) {
        Caller caller = authenticator.authenticate(exchange);
        rateLimiter.check(caller, RateLimiter.Kind.MUTATE);
        Guards.requireRole(caller, ADMINISTER, Role.PLATFORM_ADMIN);
        if (blockedByKillSwitch) {
            guards.mutationsEnabled();
        }
        return caller;
    }

    private ObjectNode publishersBody(EffectiveSettings.Sourced<List<CiPublisher>> publishers) {
        ObjectNode body = json.createObjectNode();
        body.set("publishers", CiPublisherJson.renderList(json, publishers.value()));
        body.put("source", publishers.source());
        return body;
    }

    private ObjectNode rateLimitsBody(EffectiveSettings.Sourced<RateLimits> limits) {
        ObjectNode body = json.createObjectNode();
        body.put("read_rpm", limits.value().readRpm());
        body.put("mutate_rpm", limits.value().mutateRpm());
        body.put("daily_quota_build_register", limits.value().dailyQuotaBuildRegister());
        body.put("source", limits.source());
        return body;
    }

    private ObjectNode killSwitchBody(EffectiveSettings.Sourced<Boolean> disabled) {
        ObjectNode body = json.createObjectNode();
        body.put("mutations_disabled", disabled.value());
        body.put("source", disabled.source());
        return body;
    }

    private ObjectNode exposureBody(EffectiveSettings.Sourced<UiExposurePolicy> policy) {
        ObjectNode body = json.createObjectNode();
        ObjectNode value = body.putObject("policy");
        value.putObject("artifactRef").put("display", policy.value().artifactRefDisplay());
        value.putObject("externalLinks").put("display", policy.value().externalLinksDisplay());
        body.put("source", policy.source());
        return body;
    }

    private static int boundedInt(JsonNode body, String field, int min, int max) {
        JsonNode value = body.get(field);
        if (value == null || !value.isIntegralNumber() || !value.canConvertToInt()) {
            throw invalid(field + " must be a JSON integer");
        }
        int number = value.intValue();
        if (number < min || number > max) {
            throw invalid(field + " must be between " + min + " and " + max);
        }
        return number;
    }

    /** Missing parts read as false; a part that is not an object with a boolean display is invalid. */
    private static boolean display(JsonNode policy, String part) {
        JsonNode node = policy.get(part);
        if (node == null || node.isNull()) {
            return false;
        }
        if (!node.isObject()) {
            throw invalid(part + " must be an object");
        }
        JsonNode display = node.get("display");
        if (display == null || display.isNull()) {
            return false;
        }
        if (!display.isBoolean()) {
            throw invalid(part + ".display must be a boolean");
        }
        return display.booleanValue();
    }

    private static Rejection invalid(String why) {
        return new Rejection(ErrorCode.INVALID_REQUEST, "Invalid request", why, null);
    }
}
