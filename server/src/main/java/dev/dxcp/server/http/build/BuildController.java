package dev.dxcp.server.http.build;

import com.fasterxml.jackson.databind.JsonNode;
import dev.dxcp.command.settings.SystemSettingsView;
import dev.dxcp.events.build.BuildMessages.FindBuild;
import dev.dxcp.events.build.BuildRecord;
import dev.dxcp.events.common.ErrorCode;
import dev.dxcp.events.common.Rejection;
import dev.dxcp.events.settings.CiPublisher;
import dev.dxcp.server.http.AuditMetadata;
import dev.dxcp.server.http.Guards;
import dev.dxcp.server.http.JsonBodies;
import dev.dxcp.server.http.RateLimiter;
import dev.dxcp.server.http.RequestIds;
import dev.dxcp.server.identity.Authenticator;
import dev.dxcp.server.identity.Caller;
import dev.dxcp.server.identity.CiPublisherMatcher;
import dev.dxcp.server.identity.Denials;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;

import java.util.Optional;

/** Build registry endpoints (api-contract §7): registration, upload capabilities, the registry read. */
@RestController
public class BuildController {
    static final String REPLAYED_HEADER = "Idempotency-Replayed";

    private final Authenticator authenticator;
    private final Guards guards;
    private final RateLimiter rateLimiter;
    private final SystemSettingsView settings;
    private final BuildRegistrationService registrations;
    private final UploadCapabilityService capabilities;
    private final QueryGateway queries;
    private final BuildJson buildJson;

    public BuildController(Authenticator authenticator, Guards guards, RateLimiter rateLimiter,
                           SystemSettingsView settings, BuildRegistrationService registrations,
                           UploadCapabilityService capabilities, QueryGateway queries, BuildJson buildJson) {
        this.authenticator = authenticator;
        this.guards = guards;
        this.rateLimiter = rateLimiter;
        this.settings = settings;
        this.registrations = registrations;
        this.capabilities = capabilities;
        this.queries = queries;
        this.buildJson = buildJson;
    }

    /** governance §5, builds: authenticate, kill switch, CI gate, key, schema, then the registration decision. */
    @PostMapping(BuildRegistrationService.PATH)
    public ResponseEntity<String> register(ServerWebExchange exchange, @RequestBody(required = false) byte[] body) {
        return registration(exchange, body, BuildRegistrationService.PATH);
    }

    /** The upload-capability flow (api-contract §7): the same, with integrity asserted by CI. */
    @PostMapping(BuildRegistrationService.UPLOAD_PATH)
    public ResponseEntity<String> upload(ServerWebExchange exchange, @RequestBody(required = false) byte[] body) {
        return registration(exchange, body, BuildRegistrationService.UPLOAD_PATH);
    }

    /** governance §5, upload capability: the build endpoints' gates, then INVALID_REQUEST schema errors. */
    @PostMapping(UploadCapabilityService.PATH)
    public ResponseEntity<String> uploadCapability(ServerWebExchange exchange,
                                                   @RequestBody(required = false) byte[] body) {
        Caller caller = authenticator.authenticate(exchange);
        publisherGate(caller);
        String key = Guards.requireIdempotencyKey(exchange);
        UploadCapabilitySchema.Parsed parsed = UploadCapabilitySchema.parse(
                JsonBodies.object(exchange, body, ErrorCode.INVALID_REQUEST));
        return answer(capabilities.issue(caller, key, parsed, AuditMetadata.of(caller, RequestIds.of(exchange), key)));
    }

    private ResponseEntity<String> registration(ServerWebExchange exchange, byte[] body, String path) {
        Caller caller = authenticator.authenticate(exchange);
        CiPublisher publisher = publisherGate(caller);
        String key = Guards.requireIdempotencyKey(exchange);
        JsonNode json = JsonBodies.object(exchange, body, ErrorCode.INVALID_BUILD_REGISTRATION);
        BuildRegistrationSchema.Parsed parsed = path.equals(BuildRegistrationService.UPLOAD_PATH)
                ? BuildRegistrationSchema.parseUploaded(json) : BuildRegistrationSchema.parse(json);
        return answer(registrations.register(caller, publisher.name(), key, path, parsed,
                AuditMetadata.of(caller, RequestIds.of(exchange), key)));
    }

    /** The kill switch comes before the CI gate on build endpoints (governance §8). */
    private CiPublisher publisherGate(Caller caller) {
        guards.mutationsEnabled();
        return CiPublisherMatcher.match(caller, settings.current().ciPublishers().value())
                .orElseThrow(Denials::ciOnly);
    }

    private static ResponseEntity<String> answer(StoredAnswer answer) {
        return ResponseEntity.status(answer.status()).contentType(MediaType.APPLICATION_JSON)
                .header(REPLAYED_HEADER, String.valueOf(answer.replayed())).body(answer.body());
    }

    @GetMapping("/v1/builds")
    public JsonNode find(ServerWebExchange exchange, @RequestParam(required = false) String service,
                         @RequestParam(required = false) String version) {
        Caller caller = authenticator.authenticate(exchange);
        rateLimiter.check(caller, RateLimiter.Kind.READ);
        if (service == null || service.isBlank() || version == null || version.isBlank()) {
            throw new Rejection(ErrorCode.INVALID_REQUEST, "service and version are required");
        }
        Optional<BuildRecord> build = queries.query(new FindBuild(service, version),
                ResponseTypes.optionalInstanceOf(BuildRecord.class)).join();
        return buildJson.render(build.orElseThrow(() -> new Rejection(ErrorCode.NOT_FOUND, "Build not found")));
    }
}
