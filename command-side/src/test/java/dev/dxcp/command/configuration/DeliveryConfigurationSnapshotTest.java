package dev.dxcp.command.configuration;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import dev.dxcp.events.configuration.ConfigurationCommands.SeedDeliveryConfiguration;
import dev.dxcp.events.configuration.ConfigurationEvents.DeliveryGroupCreated;
import dev.dxcp.events.configuration.ConfigurationEvents.EnvironmentCreated;
import dev.dxcp.events.configuration.DeliveryGroup;
import dev.dxcp.events.configuration.Environment;
import dev.dxcp.events.configuration.Guardrails;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.json.JacksonSerializer;
import org.junit.jupiter.api.Test;

import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.List;

import static dev.dxcp.command.configuration.ConfigurationFixtures.T0;
import static dev.dxcp.command.configuration.ConfigurationFixtures.T1;
import static dev.dxcp.command.configuration.ConfigurationFixtures.seededAnd;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The aggregate is snapshotted every 100 events with the server's Jackson serializer; a snapshot that
 * cannot be read back is silently skipped by Axon, so the round trip is tested here.
 */
class DeliveryConfigurationSnapshotTest {
    /** Configured like Spring Boot's ObjectMapper, which the server's Axon serializer uses. */
    private static final ObjectMapper MAPPER = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    @Test
    void theAggregateRoundTripsThroughJacksonWithItsStateAndGroupOrder() {
        DeliveryGroup first = new DeliveryGroup("zeta", "Zeta", "first created", "a@example.com", List.of("svc-d"),
                List.of("sandbox", "qa"), List.of("canary"), new Guardrails(2, null, 4), T0, "admin", T1, "admin",
                "why");
        List<Object> given = seededAnd(new DeliveryGroupCreated(first),
                new EnvironmentCreated(new Environment("qa", "QA", "non_prod", "disabled", new Guardrails(1, 2, 3), T1,
                        T1)));
        List<DeliveryConfiguration> restored = new ArrayList<>();
        List<DeliveryConfiguration> original = new ArrayList<>();
        ConfigurationFixtures.fixture().given(given)
                .when(new SeedDeliveryConfiguration(List.of(), T1))
                .expectState(aggregate -> {
                    original.add(aggregate);
                    restored.add(roundTrip(aggregate));
                });

        DeliveryConfigurationState before = stateOf(original.get(0));
        DeliveryConfigurationState after = stateOf(restored.get(0));
        assertThat(after.seeded()).isTrue();
        assertThat(new ArrayList<>(after.groups())).containsExactlyElementsOf(before.groups());
        assertThat(new ArrayList<>(after.recipes())).containsExactlyElementsOf(before.recipes());
        assertThat(new ArrayList<>(after.environments())).containsExactlyElementsOf(before.environments());
        assertThat(after.allBindings()).containsExactlyInAnyOrderElementsOf(before.allBindings());
        assertThat(after.routes()).containsExactlyInAnyOrderElementsOf(before.routes());
        assertThat(after.binding("default", "sandbox")).isEqualTo(before.binding("default", "sandbox"));
        assertThat(after.route("svc-a", "sandbox")).isEqualTo(before.route("svc-a", "sandbox"));
        assertThat(after.groupOf("svc-d").map(DeliveryGroup::id)).contains("zeta");
        assertThat(after.environment("qa").orElseThrow().guardrails()).isEqualTo(new Guardrails(1, 2, 3));
    }

    private static DeliveryConfiguration roundTrip(DeliveryConfiguration aggregate) {
        JacksonSerializer serializer = JacksonSerializer.builder().objectMapper(MAPPER).build();
        SerializedObject<byte[]> snapshot = serializer.serialize(aggregate, byte[].class);
        DeliveryConfiguration restored = serializer.deserialize(snapshot);
        // Reading it back must not lose anything: serializing again gives the same document.
        assertThat(new String(serializer.serialize(restored, byte[].class).getData()))
                .isEqualTo(new String(snapshot.getData()));
        return restored;
    }

    private static DeliveryConfigurationState stateOf(DeliveryConfiguration aggregate) {
        try {
            Field field = DeliveryConfiguration.class.getDeclaredField("state");
            field.setAccessible(true);
            return (DeliveryConfigurationState) field.get(aggregate);
        } catch (ReflectiveOperationException e) {
            throw new AssertionError(e);
        }
    }
}
