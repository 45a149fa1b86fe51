package dev.dxcp.query.audit;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.dxcp.events.audit.AuditQueries.ReplayAuditEvents;
import dev.dxcp.events.common.MetaKeys;
import org.axonframework.queryhandling.QueryHandler;
import reactor.core.publisher.Flux;
import reactor.core.publisher.SynchronousSink;
import reactor.core.scheduler.Schedulers;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Streams the event store as NDJSON, oldest first, straight from the event table (README "Replaying
 * audit history"). Pull-driven: a page of rows is read only when the client has taken what came before,
 * so memory holds at most one page plus the chunks in flight, whatever the size of the store. JDBC runs
 * on the bounded-elastic scheduler, never on the event loop. The last line is always
 * {"next_after": N, "limit_reached": bool}; a stream without it was cut short.
 */
public class EventStoreReplay {
    static final int PAGE = 500;
    /** Lines are sent in chunks of about this size: small enough to bound what the writer holds. */
    static final int CHUNK_BYTES = 32 * 1024;
    /** A selective filter may scan many pages without a match; yielding lets a cancel get through. */
    static final int PAGES_PER_STEP = 20;
    private static final int DEPLOYMENT_CACHE = 10_000;
    private static final String ACCEPTED = "DeploymentAccepted";

    private final StoredEventPages pages;
    private final ObjectMapper json;

    public EventStoreReplay(StoredEventPages pages, ObjectMapper json) {
        this.pages = pages;
        this.json = json;
    }

    /** A streaming query: chunks of NDJSON lines, read from the store as the client takes them. */
    @QueryHandler
    public Flux<byte[]> handle(ReplayAuditEvents query) {
        return stream(new ReplayFilter(query.after(), query.until(), query.from(), query.to(), query.service(),
                query.deliveryGroupId(), query.environment(), query.actor(), query.eventTypes(), query.limit()));
    }

    public Flux<byte[]> stream(ReplayFilter filter) {
        return Flux.<byte[], Cursor>generate(() -> new Cursor(filter), this::step)
                .subscribeOn(Schedulers.boundedElastic());
    }

    private Cursor step(Cursor cursor, SynchronousSink<byte[]> sink) {
        if (cursor.finished) {
            sink.complete();
            return cursor;
        }
        ByteArrayOutputStream chunk = new ByteArrayOutputStream(CHUNK_BYTES + 4096);
        JsonGenerator lines = generator(chunk);
        int pagesRead = 0;
        while (written(lines, chunk) < CHUNK_BYTES && !cursor.limitReached()) {
            if (cursor.pending.isEmpty()) {
                if (cursor.exhausted || pagesRead == PAGES_PER_STEP) {
                    break;
                }
                List<StoredEvent> page = pages.after(cursor.position, cursor.filter, PAGE);
                pagesRead++;
                cursor.pending.addAll(page);
                cursor.exhausted = page.size() < PAGE;
                continue;
            }
            StoredEvent row = cursor.pending.poll();
            cursor.position = row.position();
            ReplayLine line = ReplayLine.decode(row, json);
            if (matches(line, cursor)) {
                line.writeTo(lines, json);
                cursor.emitted++;
            }
        }
        close(lines);
        if (cursor.limitReached() || cursor.exhausted && cursor.pending.isEmpty()) {
            chunk.writeBytes(trailer(cursor));
            cursor.finished = true;
        }
        sink.next(chunk.toByteArray());
        return cursor;
    }

    /** One generator per chunk, lines separated by the newline each writes itself, nothing between them. */
    private JsonGenerator generator(ByteArrayOutputStream chunk) {
        try {
            JsonGenerator generator = json.getFactory().createGenerator(chunk);
            generator.setRootValueSeparator(null);
            return generator;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static int written(JsonGenerator lines, ByteArrayOutputStream chunk) {
        return chunk.size() + Math.max(0, lines.getOutputBuffered());
    }

    private static void close(JsonGenerator lines) {
        try {
            lines.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private boolean matches(ReplayLine line, Cursor cursor) {
        ReplayFilter filter = cursor.filter;
        if (filter.eventTypes() != null && !filter.eventTypes().isEmpty()
                && !filter.eventTypes().contains(line.row().simpleType())) {
            return false;
        }
        if (!filter.matchesTime(line.timestamp())) {
            return false;
        }
        if (filter.actor() != null && !filter.actor().equals(line.metadata(MetaKeys.ACTOR_ID))) {
            return false;
        }
        return !filter.needsScope() || filter.matchesScope(scope(line, cursor));
    }

    /**
     * Events about a deployment (engine progress, lane admissions) add the scope of the deployment's
     * DeploymentAccepted: it is the one event that names service, group and environment together.
     */
    private EventScope scope(ReplayLine line, Cursor cursor) {
        EventScope scope = EventScope.of(line.row().simpleType(), line.payload());
        String deploymentId = scope.deploymentId();
        if (deploymentId == null) {
            return scope;
        }
        if (ACCEPTED.equals(line.row().simpleType())) {
            cursor.deployments.put(deploymentId, scope);
            return scope;
        }
        EventScope owner = cursor.deployments.computeIfAbsent(deploymentId, id -> pages.deploymentAccepted(id)
                .stream().findFirst().map(row -> ReplayLine.decode(row, json))
                .map(accepted -> EventScope.of(ACCEPTED, accepted.payload()))
                .orElse(EventScope.of(null, null)));
        return scope.plus(owner);
    }

    private static byte[] trailer(Cursor cursor) {
        return ("{\"next_after\":" + cursor.position + ",\"limit_reached\":" + cursor.limitReached() + "}\n")
                .getBytes(StandardCharsets.UTF_8);
    }

    /** Per-stream state; touched by one generator step at a time. */
    private static final class Cursor {
        final ReplayFilter filter;
        final Deque<StoredEvent> pending = new ArrayDeque<>();
        final Map<String, EventScope> deployments = new LinkedHashMap<>(256, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, EventScope> eldest) {
                return size() > DEPLOYMENT_CACHE;
            }
        };
        long position;
        long emitted;
        boolean exhausted;
        boolean finished;

        Cursor(ReplayFilter filter) {
            this.filter = filter;
            this.position = filter.after();
        }

        boolean limitReached() {
            return filter.limit() != null && emitted >= filter.limit();
        }
    }
}
