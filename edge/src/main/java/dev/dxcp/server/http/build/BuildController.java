package dev.dxcp.server.http.build;

import com.fasterxml.jackson.databind.JsonNode;
import dev.dxcp.events.build.BuildMessages.FindBuild;
import dev.dxcp.events.build.BuildMessages.RegisterBuild;
import dev.dxcp.events.build.BuildRecord;
import dev.dxcp.events.build.UploadCapabilityMessages.RequestUploadCapability;
import dev.dxcp.events.common.ErrorCode;
import dev.dxcp.events.common.IdempotencyKeyUse;
import dev.dxcp.events.common.Rejection;
import dev.dxcp.events.common.Timestamps;
import dev.dxcp.events.idempotency.AdmissionOutcome;
import dev.dxcp.events.settings.CiPublisher;
import dev.dxcp.events.settings.EffectiveSettings;
import dev.dxcp.server.axon.CommandSender;
import dev.dxcp.server.http.AdmissionAnswers;
import dev.dxcp.server.http.AuditMetadata;
import dev.dxcp.server.http.Guards;
import dev.dxcp.server.http.JsonBodies;
import dev.dxcp.server.http.Questions;
import dev.dxcp.server.http.RateLimiter;
import dev.dxcp.server.identity.Authenticator;
import dev.dxcp.server.identity.Caller;
import dev.dxcp.server.identity.CiPublisherMatcher;
import dev.dxcp.server.identity.Denials;
import dev.dxcp.server.observability.RequestIds;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * Build registry endpoints (api-contract §7): registration, upload capabilities, the registry read. The
 * edge runs governance §5's first steps for builds (authenticate, kill switch, CI gate, key, schema);
 * one command is then admitted and decided on the command side.
 */
@RestController
public class BuildController {
    static final String PATH = "/v1/builds/register";
    static final String UPLOAD_PATH = "/v1/builds";
    static final String CAPABILITY_PATH = "/v1/builds/upload-capability";

    private final Authenticator authenticator;
    private final Guards guards;
    private final RateLimiter rateLimiter;
    private final CommandSender commands;
    private final BuildRegistrations registrations;
    private final AdmissionAnswers answers;
    private final Questions questions;
    private final BuildJson buildJson;
    private final Clock clock;
    private final int dailyCapabilityQuota;

    /** @param dailyCapabilityQuota capabilities per actor and UTC day (governance §7, default 50) */
    public BuildController(Authenticator authenticator, Guards guards, RateLimiter rateLimiter,
                           CommandSender commands, BuildRegistrations registrations, AdmissionAnswers answers,
                           Questions questions, BuildJson buildJson, Clock clock,
                           @Value("${dxcp.upload-capabilities.daily-quota:50}") int dailyCapabilityQuota) {
        this.authenticator = authenticator;
        this.guards = guards;
        this.rateLimiter = rateLimiter;
        this.commands = commands;
        this.registrations = registrations;
        this.answers = answers;
        this.questions = questions;
        this.buildJson = buildJson;
        this.clock = clock;
        this.dailyCapabilityQuota = dailyCapabilityQuota;
    }

    /** governance §5, builds: authenticate, kill switch, CI gate, key, schema, then the registration decision. */
    @PostMapping(PATH)
    public ResponseEntity<String> register(ServerWebExchange exchange, @RequestBody(required = false) byte[] body) {
        return registration(exchange, body, PATH);
    }

    /** The upload-capability flow (api-contract §7): the same, with integrity asserted by CI. */
    @PostMapping(UPLOAD_PATH)
    public ResponseEntity<String> upload(ServerWebExchange exchange, @RequestBody(required = false) byte[] body) {
        return registration(exchange, body, UPLOAD_PATH);
    }

    /** governance §5, upload capability: the build endpoints' gates, then INVALID_REQUEST schema errors. */
    @PostMapping(CAPABILITY_PATH)
    public ResponseEntity<String> uploadCapability(ServerWebExchange exchange,
                                                   @RequestBody(required = false) byte[] body) {
        Caller caller = authenticator.authenticate(exchange);
        publisherGate(caller, guards.settings());
        String key = Guards.requireIdempotencyKey(exchange);
        UploadCapabilitySchema.Parsed parsed = UploadCapabilitySchema.parse(
                JsonBodies.object(exchange, body, ErrorCode.INVALID_REQUEST));
        AdmissionOutcome outcome = commands.send(new RequestUploadCapability(
                        new IdempotencyKeyUse(key, "POST", CAPABILITY_PATH), parsed.fingerprint(), parsed.request(),
                        UUID.randomUUID().toString(), caller.actorId(), dailyCapabilityQuota, now()),
                AuditMetadata.of(caller, RequestIds.of(exchange), key));
        return answers.answer(outcome);
    }

    private ResponseEntity<String> registration(ServerWebExchange exchange, byte[] body, String path) {
        Caller caller = authenticator.authenticate(exchange);
        EffectiveSettings settings = guards.settings();
        CiPublisher publisher = publisherGate(caller, settings);
        String key = Guards.requireIdempotencyKey(exchange);
        JsonNode json = JsonBodies.object(exchange, body, ErrorCode.INVALID_BUILD_REGISTRATION);
        BuildRegistrationSchema.Parsed parsed = path.equals(UPLOAD_PATH)
                ? BuildRegistrationSchema.parseUploaded(json) : BuildRegistrationSchema.parse(json);
        int quota = settings.rateLimits().value().dailyQuotaBuildRegister();
        RegisterBuild command = new RegisterBuild(new IdempotencyKeyUse(key, "POST", path), parsed.fingerprint(),
                parsed.request(), publisher.name(), UUID.randomUUID().toString(), caller.actorId(), quota,
                parsed.asserted(), parsed.asserted() != null, now());
        return answers.answer(registrations.register(command, AuditMetadata.of(caller, RequestIds.of(exchange), key)));
    }

    /** The kill switch comes before the CI gate on build endpoints (governance §8). */
    private static CiPublisher publisherGate(Caller caller, EffectiveSettings settings) {
        Guards.mutationsEnabled(settings);
        return CiPublisherMatcher.match(caller, settings.ciPublishers().value())
                .orElseThrow(Denials::ciOnly);
    }

    private Instant now() {
        return Timestamps.truncate(clock.instant());
    }

    @GetMapping("/v1/builds")
    public JsonNode find(ServerWebExchange exchange, @RequestParam(required = false) String service,
                         @RequestParam(required = false) String version) {
        Caller caller = authenticator.authenticate(exchange);
        rateLimiter.check(caller, RateLimiter.Kind.READ);
        if (service == null || service.isBlank() || version == null || version.isBlank()) {
            throw new Rejection(ErrorCode.INVALID_REQUEST, "service and version are required");
        }
        Optional<BuildRecord> build = questions.askOptional(new FindBuild(service, version), BuildRecord.class);
        return buildJson.render(build.orElseThrow(() -> new Rejection(ErrorCode.NOT_FOUND, "Build not found")),
                guards.settings().uiExposure().value().externalLinksDisplay());
    }
}
