package dev.dxcp.server.wiring;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.dxcp.command.build.ArtifactLimits;
import dev.dxcp.command.build.ArtifactSourceRules;
import dev.dxcp.command.build.BuildRegistrationHandler;
import dev.dxcp.command.build.BuildRegistrationPolicy;
import dev.dxcp.command.build.BuildVersion;
import dev.dxcp.command.build.UploadCapability;
import dev.dxcp.command.build.UploadCapabilityHandler;
import dev.dxcp.command.common.ResponseRenderer;
import dev.dxcp.command.idempotency.IdempotencyKey;
import dev.dxcp.command.quota.DailyQuota;
import dev.dxcp.command.quota.MeteredRequests;
import dev.dxcp.command.registry.FileServiceRegistry;
import dev.dxcp.command.registry.ServiceRegistry;
import dev.dxcp.command.settings.SettingsDefaults;
import dev.dxcp.command.settings.SystemSettingsView;
import dev.dxcp.events.settings.CiPublisher;
import dev.dxcp.events.settings.RateLimits;
import dev.dxcp.events.settings.UiExposurePolicy;
import dev.dxcp.server.config.DxcpProperties;
import dev.dxcp.server.config.EngineProperties;
import dev.dxcp.server.config.InvalidSetting;
import dev.dxcp.server.engine.EngineAdapterDefaults;
import dev.dxcp.server.http.build.BuildJson;
import dev.dxcp.server.http.build.UploadCapabilityJson;
import dev.dxcp.server.http.deployment.DeploymentJson;
import dev.dxcp.server.http.system.CiPublisherJson;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.modelling.command.Repository;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;

/** Builds the command side's collaborators from configuration. */
@Configuration
public class CommandSideWiring {
    private static final Logger log = LoggerFactory.getLogger(CommandSideWiring.class);
    static final String DEMO_REGISTRY = "registry/demo-services.json";

    @Bean
    public ServiceRegistry serviceRegistry(DxcpProperties properties) {
        if (DxcpProperties.present(properties.serviceRegistryFile())) {
            return FileServiceRegistry.fromFile(Path.of(properties.serviceRegistryFile()));
        }
        log.warn("event=service_registry_demo note=\"DXCP_SERVICE_REGISTRY_FILE not set: serving the built-in "
                + "demo services demo-service and demo-service-2\"");
        return FileServiceRegistry.fromClasspath(DEMO_REGISTRY);
    }

    @Bean
    public SettingsDefaults settingsDefaults(DxcpProperties properties, EngineProperties engine, ObjectMapper json) {
        return new SettingsDefaults(RateLimits.DEFAULTS, bootstrapPublishers(properties.ciPublishers(), json),
                UiExposurePolicy.DEFAULTS, false, EngineAdapterDefaults.from(engine));
    }

    /** DXCP_CI_PUBLISHERS: a JSON array of entries or strings; a plain comma-separated list is read as subjects. */
    static List<CiPublisher> bootstrapPublishers(String raw, ObjectMapper json) {
        if (raw == null || raw.isBlank()) {
            return List.of();
        }
        String text = raw.trim();
        if (text.startsWith("[")) {
            try {
                JsonNode array = json.readTree(text);
                return CiPublisherJson.parseList(array, true);
            } catch (java.io.IOException e) {
                throw new InvalidSetting("DXCP_CI_PUBLISHERS", "is not valid JSON", e);
            }
        }
        return Arrays.stream(text.split(",")).map(String::trim).filter(s -> !s.isEmpty())
                .map(CiPublisher::forSubject).toList();
    }

    @Bean
    public SystemSettingsView systemSettingsView(EventStore eventStore, SettingsDefaults defaults) {
        return new SystemSettingsView(eventStore, defaults);
    }

    @Bean
    public ResponseRenderer responseRenderer(BuildJson buildJson, DeploymentJson deploymentJson,
                                             UploadCapabilityJson capabilityJson) {
        return new ResponseRenderers(buildJson, deploymentJson, capabilityJson);
    }

    @Bean
    public MeteredRequests meteredRequests(
            @Qualifier("idempotencyKeyRepository") Repository<IdempotencyKey> idempotencyKeys,
            @Qualifier("dailyQuotaRepository") Repository<DailyQuota> quotas, DxcpProperties properties) {
        return new MeteredRequests(idempotencyKeys, quotas, properties.idempotencyWindow());
    }

    @Bean
    public BuildRegistrationPolicy buildRegistrationPolicy(ServiceRegistry registry, ArtifactSourceRules rules,
                                                           ArtifactLimits limits) {
        return new BuildRegistrationPolicy(registry, rules, limits);
    }

    @Bean
    public BuildRegistrationHandler buildRegistrationHandler(
            MeteredRequests metering, @Qualifier("buildVersionRepository") Repository<BuildVersion> buildVersions,
            @Qualifier("uploadCapabilityRepository") Repository<UploadCapability> capabilities,
            BuildRegistrationPolicy policy, ResponseRenderer renderer) {
        return new BuildRegistrationHandler(metering, buildVersions, capabilities, policy, renderer);
    }

    /** DXCP_UPLOAD_CAPABILITY_LIFETIME: how long an issued capability can be used (domain §13: 15 minutes). */
    @Bean
    public UploadCapabilityHandler uploadCapabilityHandler(
            MeteredRequests metering,
            @Qualifier("uploadCapabilityRepository") Repository<UploadCapability> capabilities,
            BuildRegistrationPolicy policy, ResponseRenderer renderer,
            @Value("${dxcp.upload-capabilities.lifetime:15m}") Duration lifetime) {
        return new UploadCapabilityHandler(metering, capabilities, policy, renderer, lifetime);
    }
}
