package dev.dxcp.query.generation;

import org.axonframework.eventhandling.TrackedEventMessage;

/** Which generation a projection's handler writes an event into. */
public interface GenerationTarget {
    /** The generation to write, or null when the event is already there (the live side after a handover). */
    Generation forEvent(TrackedEventMessage<?> message);

    /** The generation a reset clears. */
    Generation current();

    /** A rebuild: always the generation being built. */
    static GenerationTarget fixed(Generation generation) {
        return new GenerationTarget() {
            @Override
            public Generation forEvent(TrackedEventMessage<?> message) {
                return generation;
            }

            @Override
            public Generation current() {
                return generation;
            }
        };
    }

    static long position(TrackedEventMessage<?> message) {
        return message.trackingToken() == null ? -1 : message.trackingToken().position().orElse(-1);
    }
}
