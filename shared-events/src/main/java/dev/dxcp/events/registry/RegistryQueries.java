package dev.dxcp.events.registry;

/** Questions the service registry answers (domain §15): what is deployable at all. */
public final class RegistryQueries {
    private RegistryQueries() {
    }

    /** Every allowlisted service, in registry order; answered with a list of {@link ServiceEntry}. */
    public record ListServices() {
    }

    /** One service by name; answered with an optional {@link ServiceEntry}. */
    public record FindService(String serviceName) {
    }
}
