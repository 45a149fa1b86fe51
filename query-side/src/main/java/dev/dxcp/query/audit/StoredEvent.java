package dev.dxcp.query.audit;

import org.springframework.jdbc.core.RowMapper;

/**
 * One row of Axon's event table exactly as stored: payload and metadata are the serializer's bytes
 * (Jackson JSON), the timestamp is Axon's ISO text. The audit chain hashes these bytes, not a
 * re-serialization, so that any change to the stored row shows.
 */
public record StoredEvent(long position, String eventId, String aggregateId, long sequenceNumber,
                          String aggregateType, String payloadType, String payloadRevision, String timestamp,
                          byte[] payload, byte[] metadata) {

    /** The columns {@link #ROW} reads, for SELECTs on domainevententry (optionally aliased). */
    public static String columns(String alias) {
        String p = alias == null ? "" : alias + ".";
        return p + "globalindex, " + p + "eventidentifier, " + p + "aggregateidentifier, " + p + "sequencenumber, "
                + p + "type, " + p + "payloadtype, " + p + "payloadrevision, " + p + "timestamp, " + p + "payload, "
                + p + "metadata";
    }

    public static final RowMapper<StoredEvent> ROW = (rs, i) -> new StoredEvent(rs.getLong("globalindex"),
            rs.getString("eventidentifier"), rs.getString("aggregateidentifier"), rs.getLong("sequencenumber"),
            rs.getString("type"), rs.getString("payloadtype"), rs.getString("payloadrevision"),
            rs.getString("timestamp"), rs.getBytes("payload"), rs.getBytes("metadata"));

    /** The payload class's simple name, e.g. DeploymentAccepted for ...DeploymentEvents$DeploymentAccepted. */
    public String simpleType() {
        return simpleName(payloadType);
    }

    public static String simpleName(String className) {
        if (className == null) {
            return null;
        }
        int cut = Math.max(className.lastIndexOf('.'), className.lastIndexOf('$'));
        return className.substring(cut + 1);
    }
}
