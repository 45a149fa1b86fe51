package dev.dxcp.server.http.service;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dxcp.events.build.BuildMessages.ListRegisteredBuilds;
import dev.dxcp.events.build.BuildMessages.RegisteredBuilds;
import dev.dxcp.events.build.BuildRecord;
import dev.dxcp.events.build.SemverOrder;
import dev.dxcp.events.common.ErrorCode;
import dev.dxcp.events.common.Rejection;
import dev.dxcp.events.common.Timestamps;
import dev.dxcp.events.configuration.ConfigurationQueries.GroupsOfServices;
import dev.dxcp.events.configuration.ConfigurationQueries.ServiceGroups;
import dev.dxcp.events.engine.EngineMessages.DiscoverVersions;
import dev.dxcp.events.engine.EngineMessages.DiscoveredVersion;
import dev.dxcp.events.registry.RegistryQueries.FindService;
import dev.dxcp.events.registry.RegistryQueries.ListServices;
import dev.dxcp.events.registry.ServiceEntry;
import dev.dxcp.server.http.Questions;
import dev.dxcp.server.http.RateLimiter;
import dev.dxcp.server.identity.Authenticator;
import dev.dxcp.server.identity.Caller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The service registry and each service's deployable versions (api-contract §4). */
@RestController
public class ServicesController {
    private final Authenticator authenticator;
    private final RateLimiter rateLimiter;
    private final Questions questions;
    private final ObjectMapper json;
    private final Clock clock;

    public ServicesController(Authenticator authenticator, RateLimiter rateLimiter, Questions questions,
                              ObjectMapper json, Clock clock) {
        this.authenticator = authenticator;
        this.rateLimiter = rateLimiter;
        this.questions = questions;
        this.json = json;
        this.clock = clock;
    }

    @GetMapping("/v1/services")
    public ArrayNode services(ServerWebExchange exchange) {
        Caller caller = authenticator.authenticate(exchange);
        rateLimiter.check(caller, RateLimiter.Kind.READ);
        ArrayNode list = json.createArrayNode();
        ServiceGroups groups = questions.ask(new GroupsOfServices(), ServiceGroups.class);
        for (ServiceEntry entry : questions.askList(new ListServices(), ServiceEntry.class)) {
            ObjectNode node = list.addObject();
            node.put("service_name", entry.serviceName());
            entry.allowedEnvironments().forEach(node.putArray("allowed_environments")::add);
            entry.allowedRecipes().forEach(node.putArray("allowed_recipes")::add);
            entry.allowedArtifactSources().forEach(node.putArray("allowed_artifact_sources")::add);
            node.put("stable_service_url_template", entry.stableServiceUrlTemplate());
            node.put("backstage_entity_ref", entry.backstageEntityRef());
            node.put("backstage_entity_url", entry.backstageEntityUrl());
            // Additive, next to the catalog link: the service's delivery group and its API link
            // (root-relative, as clients resolve /v1 against the origin; spec README). docs/BACKSTAGE.md.
            String groupId = groups.groupOf(entry.serviceName());
            node.put("delivery_group_id", groupId);
            node.put("delivery_group_url", groupId == null ? null : "/v1/delivery-groups/" + groupId);
        }
        return list;
    }

    /**
     * Registered versions (source "cache"); with refresh, or when nothing is registered yet, a scan of
     * the artifact store (source "s3"). Newest version first by semver (domain §11).
     */
    @GetMapping("/v1/services/{service}/versions")
    public Map<String, Object> versions(ServerWebExchange exchange, @PathVariable String service,
                                        @RequestParam(required = false) String refresh) {
        Caller caller = authenticator.authenticate(exchange);
        rateLimiter.check(caller, RateLimiter.Kind.READ);
        boolean rescan = parseBoolean(refresh);
        if (questions.askOptional(new FindService(service), ServiceEntry.class).isEmpty()) {
            throw new Rejection(ErrorCode.SERVICE_NOT_ALLOWLISTED, "Service is not allowlisted");
        }
        List<Map<String, Object>> versions = new ArrayList<>();
        String source = "cache";
        if (!rescan) {
            registeredVersions(service).forEach(versions::add);
        }
        if (rescan || versions.isEmpty()) {
            versions.clear();
            scanned(service).forEach(versions::add);
            source = "s3";
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("service", service);
        body.put("source", source);
        body.put("versions", versions);
        body.put("refreshedAt", Timestamps.format(clock.instant()));
        return body;
    }

    private List<Map<String, Object>> registeredVersions(String service) {
        RegisteredBuilds builds = questions.ask(new ListRegisteredBuilds(service), RegisteredBuilds.class);
        List<BuildRecord> sorted = new ArrayList<>(builds.builds());
        // Stable sort: equal semver keys keep registry order, newest registration first.
        sorted.sort(Comparator.comparing(BuildRecord::version, SemverOrder.NEWEST_FIRST));
        return sorted.stream().map(b -> version(b.version(), b.artifactRef(), b.sizeBytes(),
                Timestamps.format(b.registeredAt()))).toList();
    }

    private List<Map<String, Object>> scanned(String service) {
        return questions.askList(new DiscoverVersions(service), DiscoveredVersion.class).stream()
                .map(v -> version(v.version(), v.artifactRef(), v.sizeBytes(), Timestamps.format(v.lastModified())))
                .toList();
    }

    private static Map<String, Object> version(String version, String artifactRef, Long size, String modified) {
        Map<String, Object> node = new LinkedHashMap<>();
        node.put("version", version);
        node.put("artifactRef", artifactRef);
        node.put("sizeBytes", size);
        node.put("lastModified", modified);
        return node;
    }

    private static boolean parseBoolean(String value) {
        if (value == null) {
            return false;
        }
        return switch (value.trim().toLowerCase()) {
            case "1", "true" -> true;
            case "0", "false", "" -> false;
            default -> throw new Rejection(ErrorCode.INVALID_REQUEST, "refresh must be 1, 0, true or false");
        };
    }
}
