package dev.dxcp.bench.seed;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Map;

/**
 * The event store head and the tracking processors' positions, read from the tables the server keeps
 * them in (domainevententry, tokenentry), so progress is visible whichever branch's server runs.
 */
public final class ProcessorTokens {
    /** Axon names a saga's processor after the saga class; processes, not read models. */
    static final String SAGA_SUFFIX = "SagaProcessor";
    private static final ObjectMapper JSON = new ObjectMapper();

    private ProcessorTokens() {
    }

    public static long head(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery("SELECT COALESCE(MAX(globalindex), -1) FROM domainevententry")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    public static long count(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery("SELECT COUNT(*) FROM domainevententry")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /** Every read-model processor's position: the lowest of its segments' tokens (−1 before the first event). */
    public static Map<String, Long> projectionPositions(Connection connection) throws SQLException {
        Map<String, Long> positions = new HashMap<>();
        try (Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery("SELECT processorname, token FROM tokenentry")) {
            while (rs.next()) {
                String name = rs.getString(1);
                if (name.endsWith(SAGA_SUFFIX)) {
                    continue;
                }
                long position = position(rs.getBytes(2));
                positions.merge(name, position, Math::min);
            }
        }
        return positions;
    }

    /**
     * Marks the seeded past as already seen by every saga processor. Their sagas start engine executions:
     * a history whose deployments finished long ago must not start them again. Only with the server
     * stopped, so that nothing is in flight between the old head and the new one.
     */
    public static int advanceSagasTo(Connection connection, long head) throws SQLException {
        try (PreparedStatement update = connection.prepareStatement("UPDATE tokenentry SET token = ?, tokentype = ?, "
                + "owner = NULL WHERE processorname LIKE ?")) {
            update.setBytes(1, ("{\"index\":" + head + ",\"gaps\":[]}").getBytes(StandardCharsets.UTF_8));
            update.setString(2, "org.axonframework.eventhandling.GapAwareTrackingToken");
            update.setString(3, "%" + SAGA_SUFFIX);
            return update.executeUpdate();
        }
    }

    /** The index a stored token has reached; tokens wrapped for a replay report their current token. */
    static long position(byte[] token) {
        if (token == null) {
            return -1;
        }
        try {
            return index(JSON.readTree(token));
        } catch (IOException e) {
            return -1;
        }
    }

    private static long index(JsonNode token) {
        if (token == null || token.isNull()) {
            return -1;
        }
        if (token.has("index")) {
            return token.get("index").asLong();
        }
        if (token.has("currentToken")) {
            return index(token.get("currentToken"));
        }
        if (token.has("lowerBound")) {
            return index(token.get("lowerBound"));
        }
        return -1;
    }
}
