package dev.dxcp.server.e2e;

import dev.dxcp.command.configuration.DeliveryConfiguration;
import dev.dxcp.events.configuration.ConfigurationEvents;
import dev.dxcp.testsupport.http.TestHttp.Response;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The delivery configuration aggregate is snapshotted (every 100 events) with the server's own serializer,
 * and the store loads it from that snapshot: Axon would silently ignore an unreadable one.
 */
class ConfigurationSnapshotEndToEndTest extends ConfigurationEndToEndTest {
    @Autowired
    private EventStore eventStore;

    @Test
    void aLongHistoryIsLoadedFromAReadableSnapshotAndKeepsDeciding() throws InterruptedException {
        String group = unique("snap");
        createGroup(groupBody(group));
        String path = "/v1/admin/delivery-groups/" + group + "/environments/sandbox";
        for (int i = 0; i < 110; i++) {
            Response bound = put(path, admin(), Map.of("order_index", i));
            assertThat(bound.status()).as(bound.body()).isEqualTo(200);
        }
        long deadline = System.currentTimeMillis() + 10_000;
        while (snapshots() == 0 && System.currentTimeMillis() < deadline) {
            Thread.sleep(50);
        }
        assertThat(snapshots()).isGreaterThan(0);

        DomainEventMessage<?> first = eventStore.readEvents(ConfigurationEvents.CONFIGURATION_ID).next();
        assertThat(first.getPayload()).isInstanceOf(DeliveryConfiguration.class);

        Response after = put(path, admin(), Map.of("order_index", 1000));
        assertThat(after.json().path("order_index").asInt()).isEqualTo(1000);
        assertError(post("/v1/delivery-groups", admin(), groupBody(group)), 409, "DELIVERY_GROUP_EXISTS");
    }

    private int snapshots() {
        Integer count = jdbc.queryForObject("SELECT COUNT(*) FROM snapshotevententry WHERE aggregateidentifier = ?",
                Integer.class, ConfigurationEvents.CONFIGURATION_ID);
        return count == null ? 0 : count;
    }
}
