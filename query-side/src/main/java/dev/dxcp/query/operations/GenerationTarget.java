package dev.dxcp.query.operations;

import org.axonframework.eventhandling.TrackedEventMessage;

/** Which generation a projection's handler writes an event into. */
public interface GenerationTarget {
    /** The generation to write, or null when the event is already there (the live side after a handover). */
    Generation forEvent(TrackedEventMessage<?> message);

    /**
     * A reset of the processor (its token back to the start): the generation to clear before every event
     * is applied again. None of those events may then be skipped as already written by an earlier rebuild.
     */
    Generation startingOver();

    /** A rebuild: always the generation being built. */
    static GenerationTarget fixed(Generation generation) {
        return new GenerationTarget() {
            @Override
            public Generation forEvent(TrackedEventMessage<?> message) {
                return generation;
            }

            @Override
            public Generation startingOver() {
                return generation;
            }
        };
    }

    static long position(TrackedEventMessage<?> message) {
        return message.trackingToken() == null ? -1 : message.trackingToken().position().orElse(-1);
    }
}
