package dev.dxcp.server.configuration;

import dev.dxcp.command.registry.ServiceRegistry;
import dev.dxcp.events.common.MetaKeys;
import dev.dxcp.events.common.Timestamps;
import dev.dxcp.events.configuration.ConfigurationCommands.SeedDeliveryConfiguration;
import dev.dxcp.events.governance.GovernanceMessages.SeedChangeGovernance;
import dev.dxcp.events.registry.ServiceEntry;
import dev.dxcp.server.axon.CommandSender;
import org.axonframework.messaging.MetaData;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Seeds the delivery configuration on first start (domain §14). Every start asks; the aggregate
 * answers with no events once seeded. Two instances starting together both try to append the first
 * events; the store's unique key lets one win and {@link CommandSender}'s retry finds it seeded.
 */
public class DeliveryConfigurationSeeder {
    public static final String SYSTEM_ACTOR = "system";
    private static final Logger log = LoggerFactory.getLogger(DeliveryConfigurationSeeder.class);

    private final CommandSender commands;
    private final ServiceRegistry registry;
    private final Clock clock;

    public DeliveryConfigurationSeeder(CommandSender commands, ServiceRegistry registry, Clock clock) {
        this.commands = commands;
        this.registry = registry;
        this.clock = clock;
    }

    @EventListener(ApplicationReadyEvent.class)
    public void seed() {
        List<String> services = registry.all().stream().map(ServiceEntry::serviceName).toList();
        String requestId = "startup-" + UUID.randomUUID();
        MetaData system = MetaData.from(Map.of(MetaKeys.ACTOR_ID, SYSTEM_ACTOR, MetaKeys.ACTOR_ROLE, "SYSTEM",
                MetaKeys.REQUEST_ID, requestId));
        // Governance first: it tells a new installation (configuration never seeded) from an existing one.
        commands.send(new SeedChangeGovernance(Timestamps.truncate(clock.instant())), system);
        commands.send(new SeedDeliveryConfiguration(services, Timestamps.truncate(clock.instant())), system);
        log.info("event=delivery_configuration_seed_checked registry_services={} request_id={}", services.size(),
                requestId);
    }
}
