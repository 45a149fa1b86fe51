package dev.dxcp.query.operations;

import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.serialization.SerializedType;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedObject;
import org.axonframework.serialization.SimpleSerializedType;
import org.springframework.jdbc.core.JdbcTemplate;

import java.util.List;

/**
 * Reads processors' tracking tokens straight from the token table. The token store's own fetch
 * would claim the segment, stealing it from the instance that is processing it.
 */
public class StoredTokens {
    private final JdbcTemplate jdbc;
    private final Serializer serializer;

    public StoredTokens(JdbcTemplate jdbc, Serializer serializer) {
        this.jdbc = jdbc;
        this.serializer = serializer;
    }

    public List<TrackingToken> of(String processorName) {
        return jdbc.query("SELECT token, tokentype FROM tokenentry WHERE processorname = ? ORDER BY segment",
                (rs, i) -> {
                    byte[] data = rs.getBytes("token");
                    String type = rs.getString("tokentype");
                    if (data == null || type == null) {
                        return null;
                    }
                    SerializedType serializedType = new SimpleSerializedType(type, null);
                    return serializer.<byte[], TrackingToken>deserialize(
                            new SimpleSerializedObject<>(data, byte[].class, serializedType));
                }, processorName);
    }
}
