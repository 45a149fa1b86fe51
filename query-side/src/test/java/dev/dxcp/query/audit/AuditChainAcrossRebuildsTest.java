package dev.dxcp.query.audit;

import dev.dxcp.events.audit.ChainVerification;
import dev.dxcp.query.operations.Generation;
import dev.dxcp.query.operations.GenerationTarget;
import dev.dxcp.query.operations.LiveGeneration;
import org.axonframework.eventhandling.AnnotationEventHandlerAdapter;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.axonframework.eventhandling.ReplayToken;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.WrappedToken;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static dev.dxcp.query.audit.AuditTestStore.ENTRIES;
import static dev.dxcp.query.audit.AuditTestStore.at;
import static dev.dxcp.query.audit.AuditTestStore.killSwitchChanged;
import static dev.dxcp.query.audit.AuditTestStore.unaudited;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * docs/AUDIT.md "Rebuild and reset": the chain the live audit processor links is the chain after any
 * rebuild or replay, link for link: the same events in the same (processing) order with the same hashes.
 * The live processor is played here by its two handlers, the rebuild by the projection alone, as the
 * server wires them.
 */
class AuditChainAcrossRebuildsTest {
    private final AuditTestStore store = new AuditTestStore();
    private final AnnotationEventHandlerAdapter linker = new AnnotationEventHandlerAdapter(new AuditChainLinker(
            new AuditChain(store.jdbc), Clock.fixed(Instant.parse("2026-03-02T00:00:00Z"), ZoneOffset.UTC)));
    private final AnnotationEventHandlerAdapter live = new AnnotationEventHandlerAdapter(
            new AuditProjection(store.jdbc, ENTRIES, new LiveGeneration(AuditProjection.NAME, store.jdbc)));
    private final AnnotationEventHandlerAdapter rebuild = new AnnotationEventHandlerAdapter(
            new AuditProjection(store.jdbc, ENTRIES, GenerationTarget.fixed(new Generation(Generation.SECOND))));

    @Test
    void aRebuildInIndexOrderLeavesTheLiveChainWithItsLateGapLinkForLinkAndRebuildsTheSameEntries()
            throws Exception {
        List<TrackedEventMessage<?>> events = List.of(store.stored(killSwitchChanged(1)),
                store.stored(killSwitchChanged(2)), store.stored(killSwitchChanged(3)),
                store.stored(killSwitchChanged(4)), store.stored(unaudited(5)));
        // Event 3 committed after event 4: the live processor got it when its gap filled.
        processLive(events.get(0), events.get(1), events.get(3), events.get(2), events.get(4));
        List<Map<String, Object>> chain = store.jdbc.queryForList("SELECT * FROM audit_chain ORDER BY link");
        List<Map<String, Object>> entries = store.jdbc.queryForList("SELECT * FROM audit_event_g1 ORDER BY event_id");

        for (TrackedEventMessage<?> event : events) {
            rebuild.handle(event);
        }

        assertThat(store.jdbc.queryForList("SELECT * FROM audit_chain ORDER BY link")).isEqualTo(chain);
        assertThat(store.chainedPositions()).as("processing order, not index order").containsExactly(1L, 2L, 4L, 3L,
                5L);
        assertThat(store.jdbc.queryForList("SELECT * FROM audit_event_g2 ORDER BY event_id")).isEqualTo(entries)
                .hasSize(4);
        ChainVerification verification = new AuditChainVerifier(store.jdbc).verify(1, 5);
        assertThat(verification.verified()).isTrue();
        assertThat(verification.checked()).isEqualTo(5);
        assertThat(verification.unchained()).isZero();
    }

    @Test
    void aRebuildLinksNoRowEvenOneInsertedBehindTheLiveProcessor() throws Exception {
        processLive(store.stored(killSwitchChanged(1)), store.stored(killSwitchChanged(2)),
                store.stored(killSwitchChanged(4)));
        TrackedEventMessage<?> insertedByHand = store.stored(killSwitchChanged(3));

        for (long index = 1; index <= 4; index++) {
            rebuild.handle(index == 3 ? insertedByHand : killSwitchChanged(index));
        }

        assertThat(store.chainedPositions()).containsExactly(1L, 2L, 4L);
        // The rebuilt entries reflect the rows as they are now; the chain says which row it never saw.
        assertThat(store.count("audit_event_g2")).isEqualTo(4);
        assertThat(new AuditChainVerifier(store.jdbc).verify(1, 4).unchained()).isEqualTo(1);
    }

    @Test
    void aReplayLinksNoEventAgainAndNoRowInsertedBehindTheProcessorButLinksWhatComesAfterIt() throws Exception {
        processLive(store.stored(killSwitchChanged(1)), store.stored(killSwitchChanged(2)),
                store.stored(killSwitchChanged(4)));
        store.stored(killSwitchChanged(3));
        List<Map<String, Object>> chain = store.jdbc.queryForList("SELECT * FROM audit_chain ORDER BY link");
        store.stored(killSwitchChanged(5));

        TrackingToken token = ReplayToken.createReplayToken(new GlobalSequenceTrackingToken(4), null);
        for (long index = 1; index <= 5; index++) {
            token = advanced(token, new GlobalSequenceTrackingToken(index));
            processLive(at(token, killSwitchChanged(index)));
        }

        assertThat(store.jdbc.queryForList("SELECT * FROM audit_chain ORDER BY link").subList(0, chain.size()))
                .isEqualTo(chain);
        assertThat(store.chainedPositions()).containsExactly(1L, 2L, 4L, 5L);
        assertThat(new AuditChainVerifier(store.jdbc).verify(1, 5).unchained()).isEqualTo(1);
    }

    @Test
    void aGapStillOpenWhenTheProcessorWasResetIsLinkedDuringTheReplay() throws Exception {
        processLive(store.stored(killSwitchChanged(1)), store.stored(killSwitchChanged(2)),
                store.stored(killSwitchChanged(4)));
        store.stored(killSwitchChanged(3));

        TrackingToken token = ReplayToken.createReplayToken(GapAwareTrackingToken.newInstance(4, Set.of(3L)), null);
        for (long index = 1; index <= 4; index++) {
            token = advanced(token, GapAwareTrackingToken.newInstance(index, Set.of()));
            processLive(at(token, killSwitchChanged(index)));
        }

        assertThat(store.chainedPositions()).containsExactly(1L, 2L, 4L, 3L);
        assertThat(new AuditChainVerifier(store.jdbc).verify(1, 4).verified()).isTrue();
        assertThat(new AuditChainVerifier(store.jdbc).verify(1, 4).unchained()).isZero();
    }

    /** Both handlers of the live audit processor, event by event, in the order given. */
    private void processLive(TrackedEventMessage<?>... events) throws Exception {
        for (TrackedEventMessage<?> event : events) {
            live.handle(event);
            linker.handle(event);
        }
    }

    private static TrackingToken advanced(TrackingToken token, TrackingToken next) {
        return token instanceof WrappedToken wrapped ? wrapped.advancedTo(next) : next;
    }
}
