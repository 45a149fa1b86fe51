package dev.dxcp.server.wiring;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.dxcp.artifact.S3ArtifactStore;
import dev.dxcp.command.build.BuildVersion;
import dev.dxcp.command.configuration.DeliveryConfigurationView;
import dev.dxcp.command.deployment.AcceptedDeployments;
import dev.dxcp.command.deployment.ArtifactPreflight;
import dev.dxcp.command.deployment.DeliveryLane;
import dev.dxcp.command.deployment.DenialRecorder;
import dev.dxcp.command.deployment.Deployment;
import dev.dxcp.command.deployment.DeploymentPolicy;
import dev.dxcp.command.deployment.DeploymentSubmissionHandler;
import dev.dxcp.command.deployment.DeploymentPolicyQueryHandler;
import dev.dxcp.command.deployment.DeploymentValidationHandler;
import dev.dxcp.command.deployment.EngineObservationHandler;
import dev.dxcp.command.deployment.EngineReadiness;
import dev.dxcp.command.deployment.FreezeGate;
import dev.dxcp.command.admission.AdmissionPipeline;
import dev.dxcp.command.deployment.LaneAdmissions;
import dev.dxcp.command.deployment.LaneGate;
import dev.dxcp.command.deployment.PriorSuccess;
import dev.dxcp.command.deployment.PromotionPolicy;
import dev.dxcp.command.deployment.PromotionSubmissionHandler;
import dev.dxcp.command.deployment.RegisteredBuilds;
import dev.dxcp.command.deployment.RollForwardRule;
import dev.dxcp.command.deployment.RollbackRequestHandler;
import dev.dxcp.command.deployment.SourceSuccess;
import dev.dxcp.command.governance.ApprovalGate;
import dev.dxcp.command.governance.ChangeGovernanceView;
import dev.dxcp.command.governance.OwnerScope;
import dev.dxcp.command.idempotency.IdempotencyKey;
import dev.dxcp.command.registry.ServiceRegistry;
import dev.dxcp.command.settings.SystemSettingsView;
import dev.dxcp.events.deployment.DeploymentQueries.PriorSuccessfulDeployment;
import dev.dxcp.events.deployment.DeploymentQueries.SuccessfulDeploymentOfVersion;
import dev.dxcp.events.deployment.DeploymentRecord;
import dev.dxcp.query.deployment.DeploymentHistoryProjection;
import dev.dxcp.query.deployment.DeploymentGovernanceReader;
import dev.dxcp.query.deployment.DeploymentHistoryQueries;
import dev.dxcp.query.deployment.DeploymentHistoryAsOf;
import dev.dxcp.query.deployment.ScopeIndex;
import dev.dxcp.query.deployment.StoredDeploymentEvents;
import dev.dxcp.query.operations.LiveGeneration;
import dev.dxcp.saga.artifact.StoreArtifactPreflight;
import dev.dxcp.server.axon.CommandSender;
import dev.dxcp.server.settings.DxcpProperties;
import dev.dxcp.server.http.AdmissionAnswers;
import dev.dxcp.server.http.Guards;
import dev.dxcp.server.http.Questions;
import dev.dxcp.server.http.RateLimiter;
import dev.dxcp.server.http.deployment.DeploymentJson;
import dev.dxcp.server.http.deployment.DeploymentReads;
import dev.dxcp.server.http.deployment.SubmissionEdge;
import org.axonframework.eventhandling.EventBus;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.modelling.command.Repository;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;

import java.time.Clock;
import java.time.Duration;

/**
 * Deploy by intent and promotions: policy, lanes, the deciding handlers, the history read model and the edge
 * helpers.
 */
@Configuration
public class DeploymentWiring {

    @Bean
    public DeploymentPolicy deploymentPolicy(ServiceRegistry registry) {
        return new DeploymentPolicy(registry);
    }

    @Bean
    public DenialRecorder denialRecorder(EventBus eventBus) {
        return new DenialRecorder(eventBus);
    }

    @Bean
    public LaneGate laneGate(@Qualifier("deliveryLaneRepository") Repository<DeliveryLane> lanes,
                             @Qualifier("deploymentRepository") Repository<Deployment> deployments,
                             @Value("${dxcp.lock-stale:${DXCP_LOCK_STALE:900s}}") Duration lockStale) {
        return new LaneGate(lanes, deployments, lockStale);
    }

    @Bean
    public AcceptedDeployments acceptedDeployments(
            @Qualifier("deploymentRepository") Repository<Deployment> deployments) {
        return new AcceptedDeployments(deployments);
    }

    @Bean
    public LaneAdmissions laneAdmissions(LaneGate lanes, SystemSettingsView settings) {
        return new LaneAdmissions(lanes, settings);
    }

    @Bean
    public RegisteredBuilds registeredBuilds(@Qualifier("buildVersionRepository") Repository<BuildVersion> builds) {
        return new RegisteredBuilds(builds);
    }

    @Bean
    public RollForwardRule rollForwardRule(AdmissionPipeline admission, LaneAdmissions lanes,
                                           AcceptedDeployments accepted, FreezeGate freeze, ApprovalGate approvals) {
        return new RollForwardRule(admission, lanes, accepted, freeze, approvals);
    }

    @Bean
    public DeploymentSubmissionHandler deploymentSubmissionHandler(
            DeploymentPolicy policy, DeliveryConfigurationView configuration, RegisteredBuilds builds,
            DenialRecorder denials, RollForwardRule admission, OwnerScope ownerScope) {
        return new DeploymentSubmissionHandler(policy, configuration, builds, denials, admission, ownerScope);
    }

    /** DXCP_PROMOTIONS_ALLOW_JUMPS: the "allow jumps" setting of domain §14, off by default. */
    @Bean
    public PromotionPolicy promotionPolicy(DeploymentPolicy deploys, RegisteredBuilds builds,
                                           SourceSuccess sourceSuccess,
                                           @Value("${dxcp.promotions.allow-jumps:false}") boolean allowJumps) {
        return new PromotionPolicy(deploys, builds, sourceSuccess, allowJumps);
    }

    @Bean
    public PromotionSubmissionHandler promotionSubmissionHandler(PromotionPolicy policy,
                                                                 DeliveryConfigurationView configuration,
                                                                 DenialRecorder denials, RollForwardRule admission,
                                                                 OwnerScope ownerScope) {
        return new PromotionSubmissionHandler(policy, configuration, denials, admission, ownerScope);
    }

    @Bean
    public RollbackRequestHandler rollbackRequestHandler(
            DeploymentPolicy policy, DeliveryConfigurationView configuration,
            @Qualifier("deploymentRepository") Repository<Deployment> deployments,
            @Qualifier("buildVersionRepository") Repository<BuildVersion> builds, PriorSuccess priorSuccess,
            AdmissionPipeline admission, LaneAdmissions lanes, DenialRecorder denials,
            AcceptedDeployments accepted, OwnerScope ownerScope, FreezeGate freeze) {
        return new RollbackRequestHandler(policy, configuration, deployments, builds, priorSuccess, admission,
                lanes, denials, accepted, ownerScope, freeze);
    }

    @Bean
    public DeploymentValidationHandler deploymentValidationHandler(
            DeploymentPolicy policy, PromotionPolicy promotions, DeliveryConfigurationView configuration,
            SystemSettingsView settings, RegisteredBuilds builds, LaneGate lanes, ArtifactPreflight artifacts,
            EngineReadiness engine, OwnerScope ownerScope, FreezeGate freeze, ChangeGovernanceView governance) {
        return new DeploymentValidationHandler(policy, promotions, configuration, settings, builds, lanes, artifacts,
                engine, ownerScope, freeze, governance);
    }

    @Bean
    public DeploymentPolicyQueryHandler deploymentPolicyQueryHandler(DeliveryConfigurationView configuration) {
        return new DeploymentPolicyQueryHandler(configuration);
    }

    @Bean
    public EngineObservationHandler engineObservationHandler(
            @Qualifier("deploymentRepository") Repository<Deployment> deployments,
            @Qualifier("idempotencyKeyRepository") Repository<IdempotencyKey> keys, LaneGate lanes) {
        return new EngineObservationHandler(deployments, keys, lanes);
    }

    /** Rollback's version source reads the history read model through the query bus. */
    @Bean
    public PriorSuccess priorSuccess(QueryGateway queries) {
        return (service, environment, target) -> queries.query(
                new PriorSuccessfulDeployment(service, environment, target),
                ResponseTypes.optionalInstanceOf(DeploymentRecord.class)).join();
    }

    /** Promotion eligibility reads the history read model through the query bus, as rollback does. */
    @Bean
    public SourceSuccess sourceSuccess(QueryGateway queries) {
        return (service, environment, version) -> queries.query(
                new SuccessfulDeploymentOfVersion(service, environment, version),
                ResponseTypes.optionalInstanceOf(DeploymentRecord.class)).join().isPresent();
    }

    @Bean
    public SubmissionEdge submissionEdge(Guards guards, CommandSender commands, Questions questions,
                                         AdmissionAnswers answers) {
        return new SubmissionEdge(guards, commands, questions, answers);
    }

    @Bean
    public ArtifactPreflight artifactPreflight(S3ArtifactStore store) {
        return new StoreArtifactPreflight(store)::check;
    }

    @Bean
    public DeploymentHistoryProjection deploymentHistoryProjection(JdbcTemplate jdbc, ObjectMapper json) {
        return new DeploymentHistoryProjection(jdbc, json, new LiveGeneration(DeploymentHistoryProjection.NAME, jdbc));
    }

    @Bean
    public DeploymentHistoryQueries deploymentHistoryQueries(JdbcTemplate jdbc, ObjectMapper json,
                                                             DeploymentGovernanceReader governance) {
        return new DeploymentHistoryQueries(jdbc, json, governance::of);
    }

    /** docs/GOVERNANCE.md: a deployment's approval and automatic rollback, from its events. */
    @Bean
    public DeploymentGovernanceReader deploymentGovernanceReader(EventStore eventStore) {
        return new DeploymentGovernanceReader(eventStore);
    }

    /** Time travel: the same questions answered from the event store as of a past moment. */
    @Bean
    public DeploymentHistoryAsOf deploymentHistoryAsOf(EventStore eventStore, JdbcTemplate jdbc) {
        return new DeploymentHistoryAsOf(new StoredDeploymentEvents(eventStore), new ScopeIndex(jdbc));
    }

    @Bean
    public DeploymentJson deploymentJson(ObjectMapper json) {
        return new DeploymentJson(json);
    }

    @Bean
    public DeploymentReads deploymentReads(RateLimiter rateLimiter, Questions questions, Clock clock) {
        return new DeploymentReads(rateLimiter, questions, clock);
    }
}
