package dev.dxcp.command.configuration;

import dev.dxcp.command.common.AggregateStreamView;
import dev.dxcp.events.configuration.ConfigurationEvents;
import org.axonframework.eventsourcing.eventstore.EventStore;

/**
 * Delivery configuration held in memory and kept current from the event stream: this instance applies an
 * admin change before the change answers, every other instance within the follow period (decision 150).
 */
public class DeliveryConfigurationView {
    private final AggregateStreamView<DeliveryConfigurationState> stream;

    public DeliveryConfigurationView(EventStore eventStore) {
        this.stream = new AggregateStreamView<>(eventStore, ConfigurationEvents.CONFIGURATION_ID,
                DeliveryConfigurationState.EMPTY, DeliveryConfigurationState::apply);
    }

    public DeliveryConfigurationState current() {
        return stream.current();
    }

    /** Folds what was appended since the last catch-up (other instances' changes). */
    public void catchUp() {
        stream.catchUp();
    }
}
