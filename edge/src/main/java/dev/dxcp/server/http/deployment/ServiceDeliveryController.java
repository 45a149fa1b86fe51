package dev.dxcp.server.http.deployment;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dxcp.events.common.ErrorCode;
import dev.dxcp.events.common.Rejection;
import dev.dxcp.events.common.Timestamps;
import dev.dxcp.events.configuration.ConfigurationQueries.DeliveryScope;
import dev.dxcp.events.configuration.ConfigurationQueries.DeliveryScopeOf;
import dev.dxcp.events.configuration.ConfigurationQueries.ResolveServiceEnvironment;
import dev.dxcp.events.configuration.Environment;
import dev.dxcp.events.deployment.DeploymentQueries.CurrentRunningStateOf;
import dev.dxcp.events.deployment.DeploymentQueries.DeliveryScopeAsOf;
import dev.dxcp.events.deployment.DeploymentQueries.DeliveryScopeSnapshot;
import dev.dxcp.events.deployment.DeploymentQueries.LatestDeploymentOf;
import dev.dxcp.events.deployment.DeploymentQueries.RunningState;
import dev.dxcp.events.deployment.DeploymentGovernanceQueries.DeploymentGovernance;
import dev.dxcp.events.deployment.DeploymentGovernanceQueries.DeploymentGovernanceOf;
import dev.dxcp.events.deployment.DeploymentRecord;
import dev.dxcp.events.deployment.PromotionQueries.PromotionCandidate;
import dev.dxcp.events.deployment.PromotionQueries.PromotionCandidateOf;
import dev.dxcp.events.registry.RegistryQueries.FindService;
import dev.dxcp.events.registry.ServiceEntry;
import dev.dxcp.server.http.Questions;
import dev.dxcp.server.http.RateLimiter;
import dev.dxcp.server.identity.Authenticator;
import dev.dxcp.server.identity.Caller;
import dev.dxcp.server.identity.Role;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

/**
 * What is running where, and what a caller may do (api-contract §4): read models only, never the
 * engine. {@code environment} defaults to sandbox because the portal plugin never sends it. running and
 * delivery-status take an optional {@code asOf} (docs/TIME_TRAVEL.md).
 */
@RestController
public class ServiceDeliveryController {
    static final String DEFAULT_ENVIRONMENT = "sandbox";

    private final Authenticator authenticator;
    private final RateLimiter rateLimiter;
    private final Questions questions;
    private final DeploymentJson render;
    private final ObjectMapper json;
    private final Clock clock;

    public ServiceDeliveryController(Authenticator authenticator, RateLimiter rateLimiter, Questions questions,
                                     DeploymentJson render, ObjectMapper json, Clock clock) {
        this.authenticator = authenticator;
        this.rateLimiter = rateLimiter;
        this.questions = questions;
        this.render = render;
        this.json = json;
        this.clock = clock;
    }

    /**
     * CurrentRunningState (domain §6) or JSON null. With a past {@code asOf}, the state DXCP knew then,
     * with {@code derivedAt} = asOf; group and environment policy are today's either way.
     */
    @GetMapping("/v1/services/{service}/running")
    public JsonNode running(ServerWebExchange exchange, @PathVariable String service,
                            @RequestParam(required = false) String environment,
                            @RequestParam(required = false) String asOf) {
        reader(exchange);
        Optional<Instant> moment = AsOf.past(asOf, clock);
        requireAllowlisted(service);
        String env = questions.ask(new ResolveServiceEnvironment(service, environmentOrDefault(environment)),
                Environment.class).id();
        Optional<RunningState> running = moment.isPresent()
                ? scopeAsOf(service, env, moment.get()).runningState() : runningState(service, env);
        return running.map(r -> (JsonNode) running(r, moment)).orElse(NullNode.getInstance());
    }

    /**
     * With a past {@code asOf}, "latest" and "currentRunning" are as DXCP knew them then; whether the
     * environment resolves and the promotion candidate's configuration are today's.
     */
    @GetMapping("/v1/services/{service}/delivery-status")
    public ObjectNode deliveryStatus(ServerWebExchange exchange, @PathVariable String service,
                                     @RequestParam(required = false) String environment,
                                     @RequestParam(required = false) String asOf) {
        Caller caller = reader(exchange);
        Optional<Instant> moment = AsOf.past(asOf, clock);
        requireAllowlisted(service);
        String env = environmentOrDefault(environment);
        ObjectNode node = json.createObjectNode();
        node.put("service", service);
        node.put("environment", env);
        String groupId = questions.ask(new DeliveryScopeOf(service, env), DeliveryScope.class).deliveryGroupId();
        boolean resolvable = groupId != null;
        DeliveryScopeSnapshot scope = resolvable ? scope(service, env, moment) : new DeliveryScopeSnapshot(null, null);
        Optional<DeploymentRecord> latest = scope.latestRecord();
        Optional<RunningState> running = scope.runningState();
        node.put("hasDeployments", latest.isPresent());
        node.set("latest", latest.map(r -> (JsonNode) render.withGovernance(render.latest(r, caller.isAdmin()),
                questions.ask(new DeploymentGovernanceOf(r.id()), DeploymentGovernance.class)))
                .orElse(NullNode.getInstance()));
        node.set("currentRunning", running.map(r -> (JsonNode) running(r, moment)).orElse(NullNode.getInstance()));
        node.set("promotionCandidate", resolvable
                ? candidate(questions.ask(new PromotionCandidateOf(service, groupId, env, running.orElse(null)),
                PromotionCandidate.class)) : NullNode.getInstance());
        return node;
    }

    /** Not group-scoped; CI gets everything false (api-contract §4). */
    @GetMapping("/v1/services/{service}/allowed-actions")
    public ObjectNode allowedActions(ServerWebExchange exchange, @PathVariable String service) {
        Caller caller = reader(exchange);
        requireAllowlisted(service);
        boolean human = caller.role() != Role.CI_PUBLISHER;
        boolean deployer = caller.role() == Role.PLATFORM_ADMIN || caller.role() == Role.DELIVERY_OWNER;
        ObjectNode node = json.createObjectNode();
        node.put("service", service);
        ObjectNode actions = node.putObject("actions");
        actions.put("view", human);
        actions.put("deploy", deployer);
        actions.put("rollback", deployer);
        node.put("role", caller.role().name());
        return node;
    }

    private Caller reader(ServerWebExchange exchange) {
        Caller caller = authenticator.authenticate(exchange);
        rateLimiter.check(caller, RateLimiter.Kind.READ);
        return caller;
    }

    private void requireAllowlisted(String service) {
        if (questions.askOptional(new FindService(service), ServiceEntry.class).isEmpty()) {
            throw new Rejection(ErrorCode.SERVICE_NOT_ALLOWLISTED, "Service is not allowlisted");
        }
    }

    /** derivedAt is the moment the state describes: now, or the asOf asked about. */
    private ObjectNode running(RunningState r, Optional<Instant> asOf) {
        ObjectNode node = json.createObjectNode();
        node.put("service", r.service());
        node.put("environment", r.environment());
        node.put("scope", "service");
        node.put("version", r.version());
        node.put("deploymentId", r.deploymentId());
        node.put("deploymentKind", r.deploymentKind().name());
        node.put("derivedAt", Timestamps.format(asOf.orElseGet(clock::instant)));
        return node;
    }

    /** The next environment of the promotion order (api-contract §4): eligible, or the reason it is not. */
    private ObjectNode candidate(PromotionCandidate candidate) {
        ObjectNode node = json.createObjectNode();
        node.put("eligible", candidate.eligible());
        if (!candidate.eligible()) {
            node.put("reason", candidate.reason());
            if (candidate.targetEnvironment() != null) {
                node.put("target_environment", candidate.targetEnvironment());
            }
            return node;
        }
        node.put("source_environment", candidate.sourceEnvironment());
        node.put("target_environment", candidate.targetEnvironment());
        node.put("version", candidate.version());
        node.put("recipeId", candidate.recipeId());
        return node;
    }

    private Optional<RunningState> runningState(String service, String environment) {
        return questions.askOptional(new CurrentRunningStateOf(service, environment), RunningState.class);
    }

    /** Latest record and running state: from the read model now, or folded from the events as of a past moment. */
    private DeliveryScopeSnapshot scope(String service, String environment, Optional<Instant> asOf) {
        if (asOf.isPresent()) {
            return scopeAsOf(service, environment, asOf.get());
        }
        return new DeliveryScopeSnapshot(latest(service, environment).orElse(null),
                runningState(service, environment).orElse(null));
    }

    private DeliveryScopeSnapshot scopeAsOf(String service, String environment, Instant asOf) {
        return questions.ask(new DeliveryScopeAsOf(service, environment, asOf), DeliveryScopeSnapshot.class);
    }

    private Optional<DeploymentRecord> latest(String service, String environment) {
        return questions.askOptional(new LatestDeploymentOf(service, environment), DeploymentRecord.class);
    }

    private static String environmentOrDefault(String environment) {
        return environment == null || environment.isBlank() ? DEFAULT_ENVIRONMENT : environment;
    }
}
