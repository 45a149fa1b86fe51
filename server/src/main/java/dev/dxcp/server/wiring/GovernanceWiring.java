package dev.dxcp.server.wiring;

import dev.dxcp.command.deployment.ApprovalDecisionHandler;
import dev.dxcp.command.deployment.AutomaticRollbackHandler;
import dev.dxcp.command.deployment.PriorSuccess;
import dev.dxcp.command.deployment.RollbackRequestHandler;
import dev.dxcp.command.deployment.Deployment;
import dev.dxcp.command.deployment.FreezeGate;
import dev.dxcp.command.deployment.LaneGate;
import dev.dxcp.command.governance.ApprovalGate;
import dev.dxcp.command.governance.ChangeGovernanceView;
import dev.dxcp.command.governance.GovernanceQueryHandler;
import dev.dxcp.command.governance.OwnerScope;
import dev.dxcp.events.deployment.AutomaticRollbackMessages;
import dev.dxcp.saga.engine.SeparateUnitOfWorkCommands;
import dev.dxcp.saga.rollback.AutomaticRollbackTrigger;
import dev.dxcp.server.axon.CommandSender;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.EventBus;
import org.axonframework.eventhandling.TrackingEventProcessorConfiguration;
import org.axonframework.messaging.StreamableMessageSource;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.modelling.command.Repository;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.time.Clock;
import java.util.concurrent.ExecutorService;

/** Change governance (docs/GOVERNANCE.md): owner-scoped changes, freeze windows, approvals, automatic rollback. */
@Configuration
public class GovernanceWiring {

    @Bean
    public ChangeGovernanceView changeGovernanceView(EventStore eventStore) {
        return new ChangeGovernanceView(eventStore);
    }

    @Bean
    public OwnerScope ownerScope(ChangeGovernanceView governance) {
        return new OwnerScope(governance);
    }

    @Bean
    public FreezeGate freezeGate(ChangeGovernanceView governance, EventBus eventBus) {
        return new FreezeGate(governance, eventBus);
    }

    @Bean
    public ApprovalGate approvalGate(ChangeGovernanceView governance) {
        return new ApprovalGate(governance);
    }

    @Bean
    public ApprovalDecisionHandler approvalDecisionHandler(
            @Qualifier("deploymentRepository") Repository<Deployment> deployments, LaneGate lanes) {
        return new ApprovalDecisionHandler(deployments, lanes);
    }

    @Bean
    public GovernanceQueryHandler governanceQueryHandler(ChangeGovernanceView governance) {
        return new GovernanceQueryHandler(governance);
    }

    @Bean
    public AutomaticRollbackHandler automaticRollbackHandler(
            @Qualifier("deploymentRepository") Repository<Deployment> deployments, ChangeGovernanceView governance,
            PriorSuccess priorSuccess, RollbackRequestHandler rollbacks) {
        return new AutomaticRollbackHandler(deployments, governance, priorSuccess, rollbacks);
    }

    /** Every DeploymentFailed asks for the decision as the system actor, each in a unit of work of its own. */
    @Bean
    public AutomaticRollbackTrigger automaticRollbackTrigger(CommandSender commands,
                                                             ExecutorService sagaCommandExecutor, Clock clock) {
        return new AutomaticRollbackTrigger(new SeparateUnitOfWorkCommands(commands::send, sagaCommandExecutor,
                AutomaticRollbackMessages.SYSTEM.actorId()), clock);
    }

    /**
     * The processor starts at the head of the stream the first time it runs: failures from before automatic
     * rollback existed are history, not something to undo now. One event per batch: each one's decision commits
     * on its own.
     */
    @Bean
    public ConfigurerModule automaticRollbackProcessor() {
        return configurer -> configurer.eventProcessing().registerTrackingEventProcessorConfiguration(
                AutomaticRollbackTrigger.PROCESSING_GROUP, config -> TrackingEventProcessorConfiguration
                        .forSingleThreadedProcessing().andBatchSize(1)
                        .andInitialTrackingToken(StreamableMessageSource::createHeadToken));
    }
}
