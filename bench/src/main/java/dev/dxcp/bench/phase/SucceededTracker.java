package dev.dxcp.bench.phase;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.dxcp.bench.http.HttpConnection;
import dev.dxcp.bench.http.HttpRequest;
import dev.dxcp.bench.http.HttpResponse;
import dev.dxcp.bench.load.LatencySummary;
import org.HdrHistogram.Histogram;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * Time from a deploy's 201 to the record saying SUCCEEDED ({@code GET /v1/deployments/{id}}), followed
 * for a bounded number of deployments at a time so that the polling stays a small part of the load.
 * A deployment is taken when a place is free; the others pass unfollowed. Each followed record is read
 * every {@link #POLL_MILLIS} ms, which is the resolution of the figure.
 */
public final class SucceededTracker implements AutoCloseable {
    static final long POLL_MILLIS = 20;
    private static final Set<String> TERMINAL = Set.of("SUCCEEDED", "FAILED", "CANCELED", "ROLLED_BACK");
    private static final ObjectMapper JSON = new ObjectMapper();

    private record Followed(String id, long answeredNanos) {
    }

    private final int places;
    private final ConcurrentLinkedQueue<Followed> incoming = new ConcurrentLinkedQueue<>();
    private final Histogram toSucceeded = LatencySummary.newHistogram();
    private final Map<String, Long> endStates = new ConcurrentHashMap<>();
    private final HttpConnection connection;
    private final String token;
    private final Thread thread;
    private volatile int following;
    private volatile int unfinished;
    private volatile boolean running = true;

    public SucceededTracker(String host, int port, String observerToken, int places) {
        this.places = places;
        this.connection = new HttpConnection(host, port);
        this.token = observerToken;
        this.thread = new Thread(this::followLoop, "succeeded-tracker");
        this.thread.setDaemon(true);
        this.thread.start();
    }

    void offer(String deploymentId, long answeredNanos) {
        if (following + incoming.size() < places) {
            incoming.add(new Followed(deploymentId, answeredNanos));
        }
    }

    private void followLoop() {
        List<Followed> current = new ArrayList<>();
        try {
            follow(current);
        } finally {
            unfinished = current.size() + incoming.size();
        }
    }

    private void follow(List<Followed> current) {
        while (running || !current.isEmpty() || !incoming.isEmpty()) {
            Followed next;
            while ((next = incoming.poll()) != null) {
                current.add(next);
            }
            following = current.size();
            for (Iterator<Followed> it = current.iterator(); it.hasNext(); ) {
                if (finished(it.next())) {
                    it.remove();
                }
            }
            following = current.size();
            try {
                Thread.sleep(POLL_MILLIS);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    private boolean finished(Followed followed) {
        try {
            HttpResponse response = connection.send(HttpRequest.get("/v1/deployments/" + followed.id(), token));
            long seen = System.nanoTime();
            if (response.status() != 200) {
                return false;
            }
            JsonNode record = JSON.readTree(response.body());
            String state = record.path("state").asText();
            if (!TERMINAL.contains(state)) {
                return false;
            }
            endStates.merge(state, 1L, Long::sum);
            if (state.equals("SUCCEEDED")) {
                toSucceeded.recordValue(Math.min(LatencySummary.HIGHEST_MICROS, (seen - followed.answeredNanos()) / 1000));
            }
            return true;
        } catch (IOException e) {
            connection.close();
            return false;
        }
    }

    public LatencySummary toSucceeded() {
        return LatencySummary.of(toSucceeded);
    }

    public Map<String, Long> endStates() {
        return Map.copyOf(endStates);
    }

    /** Followed deployments that had not ended when the tracker was closed. */
    public int unfinished() {
        return unfinished;
    }

    /** Stops taking new deployments and waits a little for the followed ones to end. */
    @Override
    public void close() {
        running = false;
        try {
            thread.join(10_000);
            thread.interrupt();
            thread.join(5_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        connection.close();
    }
}
