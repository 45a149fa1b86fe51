package dev.dxcp.server.wiring;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.dxcp.command.admission.AdmissionPipeline;
import dev.dxcp.command.admission.IdempotencyStep;
import dev.dxcp.command.admission.MutateRateStep;
import dev.dxcp.command.admission.RememberStep;
import dev.dxcp.command.build.ArtifactLimits;
import dev.dxcp.command.build.ArtifactSourceRules;
import dev.dxcp.command.build.BuildRegistrationHandler;
import dev.dxcp.command.build.BuildRegistrationPolicy;
import dev.dxcp.command.build.BuildVersion;
import dev.dxcp.command.build.UploadCapability;
import dev.dxcp.command.build.UploadCapabilityHandler;
import dev.dxcp.command.common.RateGate;
import dev.dxcp.command.deployment.DeploymentAcceptedUpcaster;
import dev.dxcp.command.idempotency.IdempotencyKey;
import dev.dxcp.command.idempotency.RenderedAnswerUpcaster;
import dev.dxcp.command.quota.ActorDailyQuotas;
import dev.dxcp.command.quota.DailyQuota;
import dev.dxcp.command.registry.FileServiceRegistry;
import dev.dxcp.command.registry.RegistryQueryHandler;
import dev.dxcp.command.registry.ServiceRegistry;
import dev.dxcp.command.settings.SettingsDefaults;
import dev.dxcp.command.settings.SettingsQueryHandler;
import dev.dxcp.command.settings.SystemSettingsView;
import dev.dxcp.events.settings.CiPublisher;
import dev.dxcp.events.settings.RateLimits;
import dev.dxcp.events.settings.UiExposurePolicy;
import dev.dxcp.server.settings.DxcpProperties;
import dev.dxcp.server.config.EngineAdapterDefaults;
import dev.dxcp.server.config.EngineProperties;
import dev.dxcp.server.config.InvalidSetting;
import dev.dxcp.server.http.system.CiPublisherJson;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.modelling.command.Repository;
import dev.dxcp.command.common.CachedAggregates;
import dev.dxcp.command.common.RecentAggregates;
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

    /** Most recently used quotas and lanes kept (decision 157): enough for every actor and lane in play. */
    private static final int CACHED_AGGREGATES_PER_TYPE = 4096;
    /**
     * Build versions and idempotency keys are mostly written once: one is read again by its registration's
     * second decision, milliseconds later, or by a client's retry; thousands of them, with their answers and
     * build records, only held heap (decision 157).
     */
    private static final int CACHED_ONE_OFF_AGGREGATES = 512;

    @Bean
    public RecentAggregates dailyQuotaCache() {
        return new RecentAggregates(CACHED_AGGREGATES_PER_TYPE);
    }

    @Bean
    public RecentAggregates deliveryLaneCache() {
        return new RecentAggregates(CACHED_AGGREGATES_PER_TYPE);
    }

    @Bean
    public RecentAggregates buildVersionCache() {
        return new RecentAggregates(CACHED_ONE_OFF_AGGREGATES);
    }

    @Bean
    public RecentAggregates idempotencyKeyCache() {
        return new RecentAggregates(CACHED_ONE_OFF_AGGREGATES);
    }

    /** Removes from the caches what other instances change (reads stay fresh; writes are kept safe by the store). */
    @Bean(destroyMethod = "close")
    public CachedAggregates cachedAggregates(EventStore eventStore, List<RecentAggregates> caches) {
        return new CachedAggregates(eventStore, caches);
    }

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
    public SettingsQueryHandler settingsQueryHandler(SystemSettingsView settings) {
        return new SettingsQueryHandler(settings);
    }

    @Bean
    public RegistryQueryHandler registryQueryHandler(ServiceRegistry registry) {
        return new RegistryQueryHandler(registry);
    }

    /** One admission pipeline for every governed write (governance §5: key, rate, quota, decide, remember). */
    @Bean
    public AdmissionPipeline admissionPipeline(
            @Qualifier("idempotencyKeyRepository") Repository<IdempotencyKey> idempotencyKeys, RateGate rateGate,
            DxcpProperties properties) {
        return new AdmissionPipeline(new IdempotencyStep(idempotencyKeys, properties.idempotencyWindow()),
                new MutateRateStep(rateGate), new RememberStep(idempotencyKeys));
    }

    @Bean
    public ActorDailyQuotas actorDailyQuotas(@Qualifier("dailyQuotaRepository") Repository<DailyQuota> quotas) {
        return new ActorDailyQuotas(quotas);
    }

    /** Keys remembered before answers were values replay their rendered body (Axon picks the bean up). */
    @Bean
    public RenderedAnswerUpcaster renderedAnswerUpcaster() {
        return new RenderedAnswerUpcaster();
    }

    /** DeploymentAccepted stored before its values were grouped reads in its current form. */
    @Bean
    public DeploymentAcceptedUpcaster deploymentAcceptedUpcaster() {
        return new DeploymentAcceptedUpcaster();
    }

    @Bean
    public BuildRegistrationPolicy buildRegistrationPolicy(ServiceRegistry registry, ArtifactSourceRules rules,
                                                           ArtifactLimits limits) {
        return new BuildRegistrationPolicy(registry, rules, limits);
    }

    @Bean
    public BuildRegistrationHandler buildRegistrationHandler(
            AdmissionPipeline admission, ActorDailyQuotas quotas,
            @Qualifier("buildVersionRepository") Repository<BuildVersion> buildVersions,
            @Qualifier("uploadCapabilityRepository") Repository<UploadCapability> capabilities,
            BuildRegistrationPolicy policy, SystemSettingsView settings) {
        return new BuildRegistrationHandler(admission, quotas, buildVersions, capabilities, policy, settings);
    }

    /** DXCP_UPLOAD_CAPABILITY_LIFETIME: how long an issued capability can be used (domain §13: 15 minutes). */
    @Bean
    public UploadCapabilityHandler uploadCapabilityHandler(
            AdmissionPipeline admission, ActorDailyQuotas quotas,
            @Qualifier("uploadCapabilityRepository") Repository<UploadCapability> capabilities,
            BuildRegistrationPolicy policy, @Value("${dxcp.upload-capabilities.lifetime:15m}") Duration lifetime) {
        return new UploadCapabilityHandler(admission, quotas, capabilities, policy, lifetime);
    }
}
