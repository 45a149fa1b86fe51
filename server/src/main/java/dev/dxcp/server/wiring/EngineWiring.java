package dev.dxcp.server.wiring;

import dev.dxcp.artifact.S3ArtifactStore;
import dev.dxcp.command.deployment.EngineReadiness;
import dev.dxcp.command.settings.EngineAdapterRules;
import dev.dxcp.command.settings.SystemSettingsView;
import dev.dxcp.events.deployment.ApprovalMessages.ApprovalRequested;
import dev.dxcp.events.deployment.DeploymentEvents.DeploymentAccepted;
import dev.dxcp.events.settings.EngineAdapterSettings.Secret;
import dev.dxcp.query.operations.ReadYourWrites;
import dev.dxcp.saga.artifact.StoreArtifactCheck;
import dev.dxcp.saga.deployment.ApprovalWait;
import dev.dxcp.saga.deployment.ConductorSettings;
import dev.dxcp.saga.deployment.DispatchingEngineCommands;
import dev.dxcp.saga.deployment.EngineConductor;
import dev.dxcp.saga.engine.EngineAdapterCheck;
import dev.dxcp.saga.engine.EngineAdapterHandler;
import dev.dxcp.saga.engine.EngineConnection;
import dev.dxcp.saga.engine.EngineSecrets;
import dev.dxcp.saga.engine.GateClientDefaults;
import dev.dxcp.saga.engine.GateClients;
import dev.dxcp.saga.engine.GateReadiness;
import dev.dxcp.saga.engine.SeparateUnitOfWorkCommands;
import dev.dxcp.saga.engine.TriggerOutcomes;
import dev.dxcp.saga.engine.UnusableStartupEngine;
import dev.dxcp.server.axon.CommandSender;
import dev.dxcp.server.config.EngineProperties;
import dev.dxcp.server.config.InvalidSetting;
import dev.dxcp.server.metrics.GateMetrics;
import io.micrometer.core.instrument.MeterRegistry;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.concurrent.CustomizableThreadFactory;

import java.time.Clock;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/** The engine side: the Gate connection, the saga's conductor and its ports, the synchronous trigger wait. */
@Configuration
public class EngineWiring {

    @Bean
    public GateClients gateClients(EngineProperties properties, MeterRegistry metrics) {
        return new GateClients(new GateClientDefaults(properties.connectTimeout(), properties.readTimeout(),
                properties.serviceUser(), properties.simulatorStageDelay()), new GateMetrics(metrics),
                EngineAdapterRules::check);
    }

    @Bean
    public EngineSecrets engineSecrets(JdbcTemplate jdbc, EngineProperties properties, Clock clock) {
        Map<Secret, String> startup = new EnumMap<>(Secret.class);
        putIfPresent(startup, Secret.HEADER_VALUE, properties.headerValue());
        putIfPresent(startup, Secret.CLIENT_SECRET, properties.clientSecret());
        putIfPresent(startup, Secret.KEYSTORE_PASSWORD, properties.keystorePassword());
        return new EngineSecrets(jdbc, startup, clock);
    }

    private static void putIfPresent(Map<Secret, String> secrets, Secret secret, String value) {
        if (value != null) {
            secrets.put(secret, value);
        }
    }

    /** Reads the engine adapter settings from the event store, so the migrated database must be there first. */
    @Bean(destroyMethod = "close")
    public EngineConnection engineConnection(SystemSettingsView settings, GateClients clients, EngineSecrets secrets) {
        try {
            return new EngineConnection(() -> settings.current().engineAdapter(), clients, secrets);
        } catch (UnusableStartupEngine e) {
            throw new InvalidSetting("DXCP_GATE_*", e.getMessage(), e);
        }
    }

    @Bean(destroyMethod = "shutdown")
    public ExecutorService sagaCommandExecutor() {
        return Executors.newFixedThreadPool(8, new CustomizableThreadFactory("dxcp-saga-cmd-"));
    }

    @Bean
    public EngineConductor engineConductor(EngineConnection engine, S3ArtifactStore store, CommandSender commands,
                                           ExecutorService sagaCommandExecutor, EngineProperties properties,
                                           EventStore eventStore,
                                           @Value("${dxcp.lock-stale:900s}") Duration lockStale, Clock clock) {
        ConductorSettings settings = new ConductorSettings(properties.firstPoll(), properties.maxPoll(),
                properties.heartbeat(), lockStale, 3, properties.readTimeout());
        return new EngineConductor(engine::client, new StoreArtifactCheck(store, clock),
                new DispatchingEngineCommands(new SeparateUnitOfWorkCommands(commands::send, sagaCommandExecutor)),
                settings, id -> (DeploymentAccepted) eventStore.readEvents(id).next().getPayload(), clock);
    }

    /** What the saga knows of a deployment waiting for approval: its ApprovalRequested, committed with it. */
    @Bean
    public ApprovalWait approvalWait(EventStore eventStore, CommandSender commands,
                                     ExecutorService sagaCommandExecutor, Clock clock) {
        return new ApprovalWait(id -> {
            var events = eventStore.readEvents(id);
            while (events.hasNext()) {
                if (events.next().getPayload() instanceof ApprovalRequested requested) {
                    return Optional.of(requested.requirement().expiresAt());
                }
            }
            return Optional.empty();
        }, new DispatchingEngineCommands(new SeparateUnitOfWorkCommands(commands::send, sagaCommandExecutor)), clock);
    }

    @Bean
    public GateReadiness gateReadiness(EngineConnection engine) {
        return new GateReadiness(engine);
    }

    /** Deployment validate's engine check (domain §16). */
    @Bean
    public EngineReadiness engineReadiness(GateReadiness readiness) {
        return readiness::check;
    }

    @Bean
    public EngineAdapterCheck engineAdapterCheck(GateClients clients, GateReadiness readiness) {
        return new EngineAdapterCheck(clients, readiness, EngineAdapterRules::check);
    }

    /** Engine discovery, the adapter's validate and the secrets of a change, asked by the edge as messages. */
    @Bean
    public EngineAdapterHandler engineAdapterHandler(EngineConnection engine, EngineAdapterCheck check,
                                                     EngineSecrets secrets, SystemSettingsView settings) {
        return new EngineAdapterHandler(engine, check, secrets, () -> settings.current().engineAdapter());
    }

    /** The synchronous wait for a trigger's answer, asked by the edge after an accepted deploy or rollback. */
    @Bean
    public TriggerOutcomes triggerOutcomes(EventStore eventStore, EngineProperties properties,
                                           ReadYourWrites readYourWrites) {
        return new TriggerOutcomes(eventStore, properties.triggerWait(), readYourWrites::await);
    }
}
