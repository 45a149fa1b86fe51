package dev.dxcp.command.upcasting;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import org.axonframework.eventhandling.GenericDomainEventEntry;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.json.JacksonSerializer;
import org.axonframework.serialization.upcasting.event.EventUpcaster;
import org.axonframework.serialization.upcasting.event.InitialEventRepresentation;
import org.axonframework.serialization.upcasting.event.IntermediateEventRepresentation;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.stream.Stream;

/**
 * Events as the event store hands them to Axon: the payload bytes of {@code stored-events/before-issue-10},
 * no revision, read through the upcasters and Axon's JacksonSerializer configured like the server's (Spring
 * Boot's ObjectMapper: ISO dates, unknown properties ignored).
 */
public final class StoredEvents {
    public static final JacksonSerializer SERIALIZER = JacksonSerializer.builder().objectMapper(serverLikeMapper())
            .build();

    private StoredEvents() {
    }

    /** Reads a captured payload of {@code type} (stored without a revision) through the upcaster into an event. */
    public static <T> T load(String fixture, Class<T> type, EventUpcaster upcaster) {
        List<IntermediateEventRepresentation> upcast = upcaster.upcast(Stream.of(stored(fixture, type))).toList();
        SerializedObject<?> data = upcast.get(0).getData();
        return SERIALIZER.deserialize(data);
    }

    public static IntermediateEventRepresentation stored(String fixture, Class<?> type) {
        GenericDomainEventEntry<byte[]> entry = new GenericDomainEventEntry<>(type.getSimpleName(), "aggregate-1", 0,
                "event-1", "2026-12-06T17:52:34.079241Z", type.getName(), null, bytes(fixture), "{}".getBytes());
        return new InitialEventRepresentation(entry, SERIALIZER);
    }

    public static byte[] bytes(String fixture) {
        try (InputStream in = StoredEvents.class.getResourceAsStream("/stored-events/before-issue-10/" + fixture)) {
            if (in == null) {
                throw new IllegalArgumentException("No fixture " + fixture);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static ObjectMapper serverLikeMapper() {
        return JsonMapper.builder()
                .addModule(new JavaTimeModule())
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .build();
    }
}
