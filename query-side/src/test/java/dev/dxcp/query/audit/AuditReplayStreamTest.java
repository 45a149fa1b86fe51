package dev.dxcp.query.audit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.reactivestreams.Subscription;
import reactor.core.publisher.BaseSubscriber;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The replay stream over a synthetic store of a million events: pages are read only as the client
 * pulls, the whole store streams through without being collected, and a limit ends with a resume cursor.
 */
class AuditReplayStreamTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void readsAPageOnlyWhenTheClientHasTakenWhatCameBefore() throws Exception {
        SyntheticStore store = new SyntheticStore(1_000_000);
        CountDownLatch first = new CountDownLatch(1);
        AtomicReference<Subscription> subscription = new AtomicReference<>();
        new EventStoreReplay(store, JSON).stream(all(null)).subscribe(new BaseSubscriber<>() {
            @Override
            protected void hookOnSubscribe(Subscription s) {
                subscription.set(s);
                s.request(1);
            }

            @Override
            protected void hookOnNext(byte[] value) {
                first.countDown();
            }
        });
        assertThat(first.await(10, TimeUnit.SECONDS)).isTrue();
        Thread.sleep(300);
        assertThat(store.pagesRead.get()).as("pages read for one chunk").isEqualTo(1);
        subscription.get().request(3);
        Thread.sleep(300);
        assertThat(store.pagesRead.get()).as("pages read for four chunks").isLessThanOrEqualTo(4);
        subscription.get().cancel();
    }

    @Test
    void streamsAMillionEventsPageByPageAndEndsWithTheCursor() throws Exception {
        SyntheticStore store = new SyntheticStore(1_000_000);
        AtomicLong lines = new AtomicLong();
        AtomicReference<String> last = new AtomicReference<>();
        CountDownLatch done = new CountDownLatch(1);
        new EventStoreReplay(store, JSON).stream(all(null)).subscribe(new BaseSubscriber<>() {
            private final StringBuilder partial = new StringBuilder();

            @Override
            protected void hookOnSubscribe(Subscription s) {
                s.request(1);
            }

            @Override
            protected void hookOnNext(byte[] bytes) {
                int lineStart = 0;
                for (int i = 0; i < bytes.length; i++) {
                    if (bytes[i] == '\n') {
                        lines.incrementAndGet();
                        partial.append(new String(bytes, lineStart, i - lineStart, StandardCharsets.UTF_8));
                        last.set(partial.toString());
                        partial.setLength(0);
                        lineStart = i + 1;
                    }
                }
                partial.append(new String(bytes, lineStart, bytes.length - lineStart, StandardCharsets.UTF_8));
                request(1);
            }

            @Override
            protected void hookFinally(reactor.core.publisher.SignalType type) {
                done.countDown();
            }
        });
        assertThat(done.await(120, TimeUnit.SECONDS)).isTrue();
        assertThat(lines.get()).isEqualTo(1_000_001);
        assertThat(JSON.readTree(last.get()).get("next_after").asLong()).isEqualTo(1_000_000);
        assertThat(JSON.readTree(last.get()).get("limit_reached").asBoolean()).isFalse();
        assertThat(store.pagesRead.get()).isEqualTo(1_000_000 / EventStoreReplay.PAGE + 1);
        assertThat(store.largestPage.get()).isLessThanOrEqualTo(EventStoreReplay.PAGE);
    }

    @Test
    void aLimitedFilteredReadEndsWithTheCursorToResumeFrom() throws Exception {
        SyntheticStore store = new SyntheticStore(10_000);
        List<JsonNode> first = read(store, new ReplayFilter(-1, null, null, null, "svc-3", null, null, null,
                Set.of(), 3L));
        assertThat(first).hasSize(4);
        assertThat(first.subList(0, 3)).extracting(n -> n.get("position").asLong()).containsExactly(3L, 7L, 11L);
        assertThat(first.get(3).get("next_after").asLong()).isEqualTo(11);
        assertThat(first.get(3).get("limit_reached").asBoolean()).isTrue();
        List<JsonNode> next = read(store, new ReplayFilter(11, null, null, null, "svc-3", null, null, null,
                Set.of(), 2L));
        assertThat(next.subList(0, 2)).extracting(n -> n.get("position").asLong()).containsExactly(15L, 19L);
    }

    @Test
    void anActorFilterReadsTheMetadata() throws Exception {
        SyntheticStore store = new SyntheticStore(100);
        List<JsonNode> lines = read(store, new ReplayFilter(-1, null, null, null, null, null, null, "actor-1",
                Set.of(), null));
        assertThat(lines.subList(0, lines.size() - 1)).allSatisfy(line ->
                assertThat(line.get("actor_id").asText()).isEqualTo("actor-1")).hasSize(50);
    }

    private static List<JsonNode> read(SyntheticStore store, ReplayFilter filter) throws Exception {
        List<JsonNode> lines = new ArrayList<>();
        String text = new EventStoreReplay(store, JSON).stream(filter)
                .map(chunk -> new String(chunk, StandardCharsets.UTF_8)).reduce("", String::concat).block();
        for (String line : text.split("\n")) {
            lines.add(JSON.readTree(line));
        }
        return lines;
    }

    private static ReplayFilter all(Long limit) {
        return new ReplayFilter(-1, null, null, null, null, null, null, null, Set.of(), limit);
    }

    /** Rows made on demand: position i is about service svc-(i mod 4), written by actor-(i mod 2). */
    private static final class SyntheticStore extends StoredEventPages {
        final AtomicInteger pagesRead = new AtomicInteger();
        final AtomicInteger largestPage = new AtomicInteger();
        private final long size;

        SyntheticStore(long size) {
            super(null);
            this.size = size;
        }

        @Override
        public List<StoredEvent> after(long position, ReplayFilter filter, int pageSize) {
            pagesRead.incrementAndGet();
            List<StoredEvent> page = new ArrayList<>();
            for (long i = Math.max(position + 1, 1); i <= size && page.size() < pageSize; i++) {
                page.add(new StoredEvent(i, "ev-" + i, "agg-" + i, 0, null, "dev.dxcp.Events$Thing", null,
                        "2026-03-01T10:00:00.123Z",
                        ("{\"service\":\"svc-" + i % 4 + "\",\"n\":" + i + "}").getBytes(StandardCharsets.UTF_8),
                        ("{\"actor_id\":\"actor-" + i % 2 + "\"}").getBytes(StandardCharsets.UTF_8)));
            }
            largestPage.accumulateAndGet(page.size(), Math::max);
            return page;
        }

        @Override
        public List<StoredEvent> deploymentAccepted(String deploymentId) {
            return List.of();
        }
    }
}
