package dev.dxcp.query.operations;

import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.springframework.jdbc.core.JdbcTemplate;

import java.util.List;

/**
 * The live projection's target: the active generation, read once per batch from rm_generation with a
 * row lock. The lock is what makes a switch safe: the rebuild flips the active generation while holding
 * the same row, so a batch either ran wholly before the switch (old generation) or wholly after it.
 */
public final class LiveGeneration implements GenerationTarget {
    private final String projection;
    private final JdbcTemplate jdbc;

    public LiveGeneration(String projection, JdbcTemplate jdbc) {
        this.projection = projection;
        this.jdbc = jdbc;
    }

    @Override
    public Generation forEvent(TrackedEventMessage<?> message) {
        State state = lockedState();
        if (state.handover() != null && state.handover().covers(GenerationTarget.position(message))) {
            return null;
        }
        return state.generation();
    }

    /**
     * Forgets the last rebuild's handover: after a reset the processor replays from the first event into
     * the cleared active generation, and skipping the events the handover covers would leave them out.
     * Runs in the reset's transaction, so the token and the handover change together.
     */
    @Override
    public Generation startingOver() {
        jdbc.update("UPDATE rm_generation SET handover_index = NULL, handover_gaps = NULL WHERE projection = ?",
                projection);
        return load(false).generation();
    }

    private State lockedState() {
        if (!CurrentUnitOfWork.isStarted()) {
            return load(true);
        }
        return CurrentUnitOfWork.get().root().getOrComputeResource("dxcp.generation." + projection,
                key -> load(true));
    }

    private State load(boolean lock) {
        List<State> rows = jdbc.query("SELECT active, handover_index, handover_gaps FROM rm_generation "
                        + "WHERE projection = ?" + (lock ? " FOR UPDATE" : ""),
                (rs, i) -> {
                    long index = rs.getLong("handover_index");
                    Handover handover = rs.wasNull() ? null
                            : new Handover(index, Handover.parseGaps(rs.getString("handover_gaps")));
                    return new State(new Generation(rs.getInt("active")), handover);
                }, projection);
        return rows.isEmpty() ? new State(new Generation(Generation.FIRST), null) : rows.get(0);
    }

    private record State(Generation generation, Handover handover) {
    }
}
