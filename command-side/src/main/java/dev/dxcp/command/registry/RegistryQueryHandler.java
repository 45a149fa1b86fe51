package dev.dxcp.command.registry;

import dev.dxcp.events.registry.RegistryQueries.FindService;
import dev.dxcp.events.registry.RegistryQueries.ListServices;
import dev.dxcp.events.registry.ServiceEntry;
import org.axonframework.queryhandling.QueryHandler;

import java.util.List;
import java.util.Optional;

/** The service registry's answers to the edge (domain §15). */
public class RegistryQueryHandler {
    private final ServiceRegistry registry;

    public RegistryQueryHandler(ServiceRegistry registry) {
        this.registry = registry;
    }

    @QueryHandler
    public List<ServiceEntry> handle(ListServices query) {
        return registry.all();
    }

    @QueryHandler
    public Optional<ServiceEntry> handle(FindService query) {
        return registry.find(query.serviceName());
    }
}
