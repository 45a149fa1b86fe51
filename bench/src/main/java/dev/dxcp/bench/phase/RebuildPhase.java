package dev.dxcp.bench.phase;

import com.fasterxml.jackson.databind.JsonNode;
import dev.dxcp.bench.rig.DxcpServerProcess;
import dev.dxcp.testsupport.http.TestHttp;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Replays the whole event store into every rebuildable projection through the projection operations API
 * ({@code POST /v1/admin/projections/rebuild}, then {@code GET /v1/admin/projections} until every rebuild
 * completed). A server without that API answers 404; the result then says so instead of a number.
 */
public final class RebuildPhase {
    private static final Duration POLL = Duration.ofMillis(250);
    private static final Duration LIMIT = Duration.ofMinutes(20);

    /**
     * @param available false when the server has no rebuild API
     * @param perProjection each projection's own replay rate as the server reports it, events/s
     */
    public record Rebuild(boolean available, String why, long events, long nanos, Map<String, Long> perProjection) {
        public double eventsPerSecond() {
            return events / (nanos / 1e9);
        }
    }

    private final DxcpServerProcess server;
    private final String adminToken;

    public RebuildPhase(DxcpServerProcess server, String adminToken) {
        this.server = server;
        this.adminToken = adminToken;
    }

    /** @param events how many events the store holds (each projection replays all of them) */
    public Rebuild run(long events) {
        long start = System.nanoTime();
        TestHttp.Response started = TestHttp.post(server.url("/v1/admin/projections/rebuild"), adminToken, null);
        if (started.status() == 404 || started.status() == 405) {
            return new Rebuild(false, "the server has no rebuild API (" + started.status() + ")", events, 0, Map.of());
        }
        if (started.status() != 202) {
            throw new IllegalStateException("rebuild refused: " + started.status() + " " + started.body());
        }
        long deadline = start + LIMIT.toNanos();
        while (System.nanoTime() < deadline) {
            sleep();
            JsonNode list = TestHttp.get(server.url("/v1/admin/projections"), adminToken).json();
            Map<String, Long> rates = new LinkedHashMap<>();
            boolean allDone = true;
            for (JsonNode projection : list.path("projections")) {
                JsonNode rebuild = projection.path("rebuild");
                if (rebuild.isMissingNode() || rebuild.isNull()) {
                    continue;
                }
                String status = rebuild.path("status").asText();
                if (status.equals("failed")) {
                    throw new IllegalStateException("rebuild of " + projection.path("name").asText() + " failed: "
                            + rebuild.path("failure"));
                }
                allDone &= status.equals("completed");
                rates.put(projection.path("name").asText(), rebuild.path("eventsPerSecond").asLong());
            }
            if (allDone && !rates.isEmpty()) {
                return new Rebuild(true, "", events, System.nanoTime() - start, rates);
            }
        }
        throw new IllegalStateException("rebuild did not complete within " + LIMIT.toMinutes() + " minutes");
    }

    private static void sleep() {
        try {
            Thread.sleep(POLL.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
