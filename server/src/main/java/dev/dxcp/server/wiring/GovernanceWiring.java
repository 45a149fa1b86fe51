package dev.dxcp.server.wiring;

import dev.dxcp.command.deployment.FreezeGate;
import dev.dxcp.command.governance.ChangeGovernanceView;
import dev.dxcp.command.governance.GovernanceQueryHandler;
import dev.dxcp.command.governance.OwnerScope;
import org.axonframework.eventhandling.EventBus;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Change governance (docs/GOVERNANCE.md): owner-scoped changes and freeze windows. */
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
    public GovernanceQueryHandler governanceQueryHandler(ChangeGovernanceView governance) {
        return new GovernanceQueryHandler(governance);
    }
}
