package dev.dxcp.server.wiring;

import dev.dxcp.command.deployment.ApprovalDecisionHandler;
import dev.dxcp.command.deployment.Deployment;
import dev.dxcp.command.deployment.FreezeGate;
import dev.dxcp.command.deployment.LaneGate;
import dev.dxcp.command.governance.ApprovalGate;
import dev.dxcp.command.governance.ChangeGovernanceView;
import dev.dxcp.command.governance.GovernanceQueryHandler;
import dev.dxcp.command.governance.OwnerScope;
import org.axonframework.eventhandling.EventBus;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.modelling.command.Repository;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Change governance (docs/GOVERNANCE.md): owner-scoped changes, freeze windows and approvals. */
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
}
