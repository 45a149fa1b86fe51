package dev.dxcp.command.registry;

import dev.dxcp.events.registry.ServiceEntry;
import java.util.List;
import java.util.Optional;

/** The service allowlist: what is deployable at all. Configured, never written through the API. */
public interface ServiceRegistry {
    List<ServiceEntry> all();

    default Optional<ServiceEntry> find(String serviceName) {
        if (serviceName == null) {
            return Optional.empty();
        }
        return all().stream().filter(entry -> entry.serviceName().equals(serviceName)).findFirst();
    }
}
