package dev.dxcp.query.audit;

import dev.dxcp.query.operations.Generation;
import dev.dxcp.query.operations.GenerationTarget;
import dev.dxcp.query.operations.LiveGeneration;
import org.axonframework.eventhandling.AnnotationEventHandlerAdapter;
import org.junit.jupiter.api.Test;

import static dev.dxcp.query.audit.AuditTestStore.ENTRIES;
import static dev.dxcp.query.audit.AuditTestStore.killSwitchChanged;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The audit read model in two generations, on the embedded database with the real migrations: a rebuild's
 * instance writes its own generation and never the chain; a reset of the live projection applies every
 * event again, even the ones the last rebuild's handover covered.
 */
class OpsAuditGenerationsTest {
    private final AuditTestStore store = new AuditTestStore();

    @Test
    void aRebuildWritesEntriesIntoTheGenerationItBuildsAndNoChainLink() throws Exception {
        AnnotationEventHandlerAdapter rebuild = new AnnotationEventHandlerAdapter(
                new AuditProjection(store.jdbc, ENTRIES, GenerationTarget.fixed(new Generation(Generation.SECOND))));
        rebuild.handle(store.stored(killSwitchChanged(7)));

        assertThat(store.count("audit_event_g2")).isEqualTo(1);
        assertThat(store.count("audit_event_g1")).isZero();
        assertThat(store.count("audit_event")).as("readers still see the active generation").isZero();
        assertThat(store.count("audit_chain")).isZero();
        assertThat(store.jdbc.queryForObject("SELECT source_position FROM audit_event_g2", Long.class)).isEqualTo(7);
    }

    @Test
    void theLiveProjectionSkipsWhatTheHandoverCoversUntilAResetMakesItApplyEverythingAgain() throws Exception {
        store.jdbc.update("UPDATE rm_generation SET active = 2, handover_index = 10 WHERE projection = ?",
                AuditProjection.NAME);
        store.jdbc.execute("CREATE OR REPLACE VIEW audit_event AS SELECT * FROM audit_event_g2");
        AnnotationEventHandlerAdapter live = new AnnotationEventHandlerAdapter(
                new AuditProjection(store.jdbc, ENTRIES, new LiveGeneration(AuditProjection.NAME, store.jdbc)));

        live.handle(killSwitchChanged(5));
        assertThat(store.count("audit_event")).as("the rebuild already wrote event 5").isZero();
        live.handle(killSwitchChanged(11));
        assertThat(store.count("audit_event")).isEqualTo(1);

        live.prepareReset(null);
        assertThat(store.count("audit_event")).isZero();
        assertThat(store.jdbc.queryForObject("SELECT handover_index FROM rm_generation WHERE projection = ?",
                Long.class, AuditProjection.NAME)).isNull();
        live.handle(killSwitchChanged(5));
        live.handle(killSwitchChanged(11));
        assertThat(store.count("audit_event_g2")).isEqualTo(2);
        assertThat(store.count("audit_event_g1")).isZero();
    }
}
