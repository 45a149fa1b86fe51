package dev.dxcp.command.configuration;

import dev.dxcp.command.common.AggregateStreamView;
import dev.dxcp.events.configuration.ConfigurationEvents;
import org.axonframework.eventsourcing.eventstore.EventStore;

/** Delivery configuration as committed right now; every instance sees an admin change at once. */
public class DeliveryConfigurationView {
    private final AggregateStreamView<DeliveryConfigurationState> stream;

    public DeliveryConfigurationView(EventStore eventStore) {
        this.stream = new AggregateStreamView<>(eventStore, ConfigurationEvents.CONFIGURATION_ID,
                DeliveryConfigurationState.EMPTY, DeliveryConfigurationState::apply);
    }

    public DeliveryConfigurationState current() {
        return stream.current();
    }
}
