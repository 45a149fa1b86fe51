package dev.dxcp.bench.phase;

import dev.dxcp.bench.http.HttpConnection;
import dev.dxcp.bench.http.HttpRequest;
import dev.dxcp.bench.http.HttpResponse;
import dev.dxcp.bench.load.LatencySummary;
import dev.dxcp.events.build.BuildMessages;
import org.HdrHistogram.Histogram;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * How soon a registered build can be read back, {@code GET /v1/builds?service=&version=}, measured on a
 * sample of the registrations while the registration load runs. One probe thread takes a 201 whenever it
 * is free (the others pass unprobed, so probing adds one reader, not one per writer) and reads until the
 * build is there. Two delays come out of it:
 * <ul>
 *   <li>201 → visible: from the 201's arrival to the start of the first read that found the build (0 when
 *       the very first read did, which the server's read-your-writes wait promises);</li>
 *   <li>event stored → visible: from the BuildRegistered event's timestamp in the event store to that same
 *       read. An upper bound of the projection lag: it also holds the commit, the wait, and the 201's way
 *       back. The stored timestamp has millisecond precision.</li>
 * </ul>
 */
public final class ProjectionLagProbe implements AutoCloseable {
    private record Pending(Build build, long answeredNanos) {
    }

    /** A hand-over, not a buffer: a 201 is probed only if the probe is waiting for one at that moment. */
    private final SynchronousQueue<Pending> waiting = new SynchronousQueue<>();
    private final Histogram after201 = LatencySummary.newHistogram();
    private final Map<String, Instant> visibleAt = new ConcurrentHashMap<>();
    private final AtomicLong probed = new AtomicLong();
    private final AtomicLong visibleOnFirstRead = new AtomicLong();
    private final HttpConnection connection;
    private final String token;
    private final Thread thread;
    private volatile boolean running = true;

    public ProjectionLagProbe(String host, int port, String observerToken) {
        this.connection = new HttpConnection(host, port);
        this.token = observerToken;
        this.thread = new Thread(this::probeLoop, "lag-probe");
        this.thread.setDaemon(true);
        this.thread.start();
    }

    /** Offered each 201; taken only when the probe is idle, so no probed 201 ever waited in a queue. */
    void offer(Build build, long answeredNanos) {
        waiting.offer(new Pending(build, answeredNanos));
    }

    private void probeLoop() {
        while (running) {
            try {
                Pending next = waiting.poll(100, TimeUnit.MILLISECONDS);
                if (next != null) {
                    probe(next);
                }
            } catch (InterruptedException e) {
                return;
            } catch (IOException e) {
                connection.close();
            }
        }
    }

    private void probe(Pending pending) throws IOException {
        String target = "/v1/builds?service=" + encode(pending.build().service()) + "&version="
                + encode(pending.build().version());
        for (int attempt = 0; attempt < 10_000; attempt++) {
            long sent = System.nanoTime();
            Instant sentAt = Instant.now();
            HttpResponse response = connection.send(HttpRequest.get(target, token));
            if (response.status() == 200) {
                after201.recordValue(Math.max(0, (sent - pending.answeredNanos()) / 1000));
                visibleAt.put(BuildMessages.buildVersionId(pending.build().service(), pending.build().version()),
                        sentAt);
                probed.incrementAndGet();
                if (attempt == 0) {
                    visibleOnFirstRead.incrementAndGet();
                }
                return;
            }
            if (response.status() != 404) {
                return;
            }
        }
    }

    public LatencySummary after201() {
        return LatencySummary.of(after201);
    }

    public long probed() {
        return probed.get();
    }

    public long visibleOnFirstRead() {
        return visibleOnFirstRead.get();
    }

    /** Event stored → visible, for every probed build, from the stored events' timestamps. */
    public LatencySummary afterEventStored(Connection connection) throws SQLException {
        Histogram lag = LatencySummary.newHistogram();
        try (PreparedStatement query = connection.prepareStatement(
                "SELECT aggregateidentifier, timestamp FROM domainevententry WHERE aggregateidentifier = ANY (?) "
                        + "AND sequencenumber = 0")) {
            Array ids = connection.createArrayOf("varchar", visibleAt.keySet().toArray());
            query.setArray(1, ids);
            try (ResultSet rs = query.executeQuery()) {
                while (rs.next()) {
                    Instant stored = Instant.parse(rs.getString(2));
                    Instant seen = visibleAt.get(rs.getString(1));
                    lag.recordValue(Math.max(0, ChronoUnit.MICROS.between(stored, seen)));
                }
            }
        }
        return LatencySummary.of(lag);
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    @Override
    public void close() {
        running = false;
        thread.interrupt();
        try {
            thread.join(5_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        connection.close();
    }
}
