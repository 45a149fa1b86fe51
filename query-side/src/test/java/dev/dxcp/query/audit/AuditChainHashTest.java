package dev.dxcp.query.audit;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Any change to any stored column, or to the predecessor, changes the link's hash. */
class AuditChainHashTest {
    private static final StoredEvent ROW = new StoredEvent(7, "ev", "agg", 3, "Type", "a.b.C", "1",
            "2026-03-01T10:00:00.123Z", bytes("{\"a\":1}"), bytes("{\"actor_id\":\"x\"}"));

    @Test
    void sameRowAndPredecessorGiveTheSameHash() {
        assertThat(AuditChainHash.of(AuditChainHash.GENESIS, ROW))
                .isEqualTo(AuditChainHash.of(AuditChainHash.GENESIS, copy(ROW)))
                .hasSize(64).matches("[0-9a-f]{64}");
    }

    @Test
    void everyColumnIsCovered() {
        String original = AuditChainHash.of(AuditChainHash.GENESIS, ROW);
        List<StoredEvent> edits = List.of(
                new StoredEvent(8, "ev", "agg", 3, "Type", "a.b.C", "1", ROW.timestamp(), ROW.payload(), ROW.metadata()),
                new StoredEvent(7, "ev2", "agg", 3, "Type", "a.b.C", "1", ROW.timestamp(), ROW.payload(), ROW.metadata()),
                new StoredEvent(7, "ev", "agg2", 3, "Type", "a.b.C", "1", ROW.timestamp(), ROW.payload(), ROW.metadata()),
                new StoredEvent(7, "ev", "agg", 4, "Type", "a.b.C", "1", ROW.timestamp(), ROW.payload(), ROW.metadata()),
                new StoredEvent(7, "ev", "agg", 3, null, "a.b.C", "1", ROW.timestamp(), ROW.payload(), ROW.metadata()),
                new StoredEvent(7, "ev", "agg", 3, "Type", "a.b.D", "1", ROW.timestamp(), ROW.payload(), ROW.metadata()),
                new StoredEvent(7, "ev", "agg", 3, "Type", "a.b.C", null, ROW.timestamp(), ROW.payload(), ROW.metadata()),
                new StoredEvent(7, "ev", "agg", 3, "Type", "a.b.C", "1", "2026-03-01T10:00:00.124Z", ROW.payload(),
                        ROW.metadata()),
                new StoredEvent(7, "ev", "agg", 3, "Type", "a.b.C", "1", ROW.timestamp(), bytes("{\"a\":2}"),
                        ROW.metadata()),
                new StoredEvent(7, "ev", "agg", 3, "Type", "a.b.C", "1", ROW.timestamp(), ROW.payload(),
                        bytes("{\"actor_id\":\"y\"}")));
        for (StoredEvent edited : edits) {
            assertThat(AuditChainHash.of(AuditChainHash.GENESIS, edited)).as(edited.toString()).isNotEqualTo(original);
        }
    }

    @Test
    void thePredecessorIsPartOfTheHash() {
        assertThat(AuditChainHash.of("1".repeat(64), ROW)).isNotEqualTo(AuditChainHash.of(AuditChainHash.GENESIS, ROW));
    }

    @Test
    void nullAndEmptyAreDifferentAndFieldBoundariesCannotShift() {
        StoredEvent nullRevision = new StoredEvent(7, "ev", "agg", 3, "Type", "a.b.C", null, "t", ROW.payload(), null);
        StoredEvent emptyRevision = new StoredEvent(7, "ev", "agg", 3, "Type", "a.b.C", "", "t", ROW.payload(), null);
        assertThat(AuditChainHash.of(AuditChainHash.GENESIS, nullRevision))
                .isNotEqualTo(AuditChainHash.of(AuditChainHash.GENESIS, emptyRevision));
        StoredEvent split1 = new StoredEvent(7, "ab", "c", 3, null, "x", null, "t", ROW.payload(), null);
        StoredEvent split2 = new StoredEvent(7, "a", "bc", 3, null, "x", null, "t", ROW.payload(), null);
        assertThat(AuditChainHash.of(AuditChainHash.GENESIS, split1))
                .isNotEqualTo(AuditChainHash.of(AuditChainHash.GENESIS, split2));
    }

    private static StoredEvent copy(StoredEvent r) {
        return new StoredEvent(r.position(), r.eventId(), r.aggregateId(), r.sequenceNumber(), r.aggregateType(),
                r.payloadType(), r.payloadRevision(), r.timestamp(), r.payload().clone(), r.metadata().clone());
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
