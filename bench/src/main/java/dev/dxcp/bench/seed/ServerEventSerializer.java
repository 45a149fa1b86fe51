package dev.dxcp.bench.seed;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jdk8.Jdk8Module;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import com.fasterxml.jackson.module.paramnames.ParameterNamesModule;
import org.axonframework.common.DateTimeUtils;
import org.axonframework.messaging.MetaData;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.json.JacksonSerializer;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/**
 * Serializes events exactly as the server stores them. The server's event serializer is Axon's
 * JacksonSerializer (axon.serializer.events: jackson) over Spring Boot's ObjectMapper, which has the
 * Java time, JDK 8 and parameter-name modules and writes dates as ISO text; payload type = class name,
 * revision from the class's {@code @Revision} (most have none); metadata is the same serializer's JSON
 * map; the timestamp column is Axon's ISO form.
 */
public final class ServerEventSerializer {
    private final JacksonSerializer serializer;

    public ServerEventSerializer() {
        ObjectMapper springBootLike = JsonMapper.builder()
                .addModule(new JavaTimeModule())
                .addModule(new Jdk8Module())
                .addModule(new ParameterNamesModule())
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .disable(SerializationFeature.WRITE_DURATIONS_AS_TIMESTAMPS)
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .build();
        this.serializer = JacksonSerializer.builder().objectMapper(springBootLike).build();
    }

    /**
     * @param aggregateType the aggregate class's simple name, as Axon records it (e.g. {@code Deployment})
     */
    public EventRow row(String aggregateType, String aggregateId, long sequence, Object payload,
                        Map<String, String> metadata, Instant at) {
        SerializedObject<byte[]> body = serializer.serialize(payload, byte[].class);
        SerializedObject<byte[]> meta = serializer.serialize(MetaData.from(metadata), byte[].class);
        return new EventRow(UUID.randomUUID().toString(), aggregateId, sequence, aggregateType,
                DateTimeUtils.formatInstant(at), body.getType().getName(), body.getType().getRevision(),
                body.getData(), meta.getData());
    }
}
