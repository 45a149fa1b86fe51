package dev.dxcp.server.http.deployment;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dxcp.command.configuration.DeliveryConfigurationState;
import dev.dxcp.command.configuration.DeliveryConfigurationView;
import dev.dxcp.command.configuration.EnvironmentAccess;
import dev.dxcp.command.deployment.DeploymentPolicy;
import dev.dxcp.command.registry.ServiceRegistry;
import dev.dxcp.events.common.Rejection;
import dev.dxcp.events.common.Timestamps;
import dev.dxcp.events.configuration.DeliveryGroup;
import dev.dxcp.events.deployment.DeploymentQueries.CurrentRunningStateOf;
import dev.dxcp.events.deployment.DeploymentQueries.LatestDeploymentOf;
import dev.dxcp.events.deployment.DeploymentQueries.RunningState;
import dev.dxcp.events.deployment.DeploymentRecord;
import dev.dxcp.server.http.RateLimiter;
import dev.dxcp.server.identity.Authenticator;
import dev.dxcp.server.identity.Caller;
import dev.dxcp.server.identity.Role;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;

import java.time.Clock;
import java.util.Optional;

/**
 * What is running where, and what a caller may do (api-contract §4): read models only, never the
 * engine. {@code environment} defaults to sandbox because the portal plugin never sends it.
 */
@RestController
public class ServiceDeliveryController {
    static final String DEFAULT_ENVIRONMENT = "sandbox";

    private final Authenticator authenticator;
    private final RateLimiter rateLimiter;
    private final ServiceRegistry registry;
    private final DeliveryConfigurationView configuration;
    private final QueryGateway queries;
    private final DeploymentJson render;
    private final PromotionCandidates promotions;
    private final ObjectMapper json;
    private final Clock clock;

    public ServiceDeliveryController(Authenticator authenticator, RateLimiter rateLimiter, ServiceRegistry registry,
                                     DeliveryConfigurationView configuration, QueryGateway queries,
                                     DeploymentJson render, PromotionCandidates promotions, ObjectMapper json,
                                     Clock clock) {
        this.authenticator = authenticator;
        this.rateLimiter = rateLimiter;
        this.registry = registry;
        this.configuration = configuration;
        this.queries = queries;
        this.render = render;
        this.promotions = promotions;
        this.json = json;
        this.clock = clock;
    }

    /** CurrentRunningState (domain §6) or JSON null. */
    @GetMapping("/v1/services/{service}/running")
    public JsonNode running(ServerWebExchange exchange, @PathVariable String service,
                            @RequestParam(required = false) String environment) {
        read(exchange, service);
        DeliveryConfigurationState config = configuration.current();
        DeliveryGroup group = DeploymentPolicy.deliveryGroupOf(service, config);
        String env = DeploymentPolicy.environmentFor(group, environmentOrDefault(environment), config).id();
        return runningState(service, env).map(r -> (JsonNode) running(r)).orElse(NullNode.getInstance());
    }

    @GetMapping("/v1/services/{service}/delivery-status")
    public ObjectNode deliveryStatus(ServerWebExchange exchange, @PathVariable String service,
                                     @RequestParam(required = false) String environment) {
        Caller caller = read(exchange, service);
        String env = environmentOrDefault(environment);
        DeliveryConfigurationState config = configuration.current();
        ObjectNode node = json.createObjectNode();
        node.put("service", service);
        node.put("environment", env);
        Optional<DeliveryGroup> group = config.groupOf(service);
        boolean resolvable = group.isPresent() && config.access(group.get().id(), env) != EnvironmentAccess.NOT_ALLOWED;
        Optional<DeploymentRecord> latest = resolvable ? latest(service, env) : Optional.empty();
        Optional<RunningState> running = resolvable ? runningState(service, env) : Optional.empty();
        node.put("hasDeployments", latest.isPresent());
        node.set("latest", latest.map(r -> (JsonNode) render.latest(r, caller.isAdmin())).orElse(NullNode.getInstance()));
        node.set("currentRunning", running.map(r -> (JsonNode) running(r)).orElse(NullNode.getInstance()));
        node.set("promotionCandidate", resolvable
                ? promotions.candidate(service, group.get(), env, running.orElse(null), config)
                : NullNode.getInstance());
        return node;
    }

    /** Not group-scoped; CI gets everything false (api-contract §4). */
    @GetMapping("/v1/services/{service}/allowed-actions")
    public ObjectNode allowedActions(ServerWebExchange exchange, @PathVariable String service) {
        Caller caller = read(exchange, service);
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

    private Caller read(ServerWebExchange exchange, String service) {
        Caller caller = authenticator.authenticate(exchange);
        rateLimiter.check(caller, RateLimiter.Kind.READ);
        if (registry.find(service).isEmpty()) {
            throw new Rejection("SERVICE_NOT_ALLOWLISTED", 403, "Service is not allowlisted");
        }
        return caller;
    }

    private ObjectNode running(RunningState r) {
        ObjectNode node = json.createObjectNode();
        node.put("service", r.service());
        node.put("environment", r.environment());
        node.put("scope", "service");
        node.put("version", r.version());
        node.put("deploymentId", r.deploymentId());
        node.put("deploymentKind", r.deploymentKind().name());
        node.put("derivedAt", Timestamps.format(clock.instant()));
        return node;
    }

    private Optional<RunningState> runningState(String service, String environment) {
        return queries.query(new CurrentRunningStateOf(service, environment),
                ResponseTypes.optionalInstanceOf(RunningState.class)).join();
    }

    private Optional<DeploymentRecord> latest(String service, String environment) {
        return queries.query(new LatestDeploymentOf(service, environment),
                ResponseTypes.optionalInstanceOf(DeploymentRecord.class)).join();
    }

    private static String environmentOrDefault(String environment) {
        return environment == null || environment.isBlank() ? DEFAULT_ENVIRONMENT : environment;
    }
}
