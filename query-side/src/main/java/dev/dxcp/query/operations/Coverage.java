package dev.dxcp.query.operations;

import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.WrappedToken;

import java.util.Set;

/** The set of global indexes a tracking token has handled, as a {@link Handover}. */
final class Coverage {
    private Coverage() {
    }

    static Handover of(TrackingToken token) {
        if (token == null) {
            return new Handover(-1, Set.of());
        }
        // A replaying token has handled at most what its upper bound says: conservative for a handover.
        TrackingToken plain = WrappedToken.unwrapUpperBound(token);
        if (plain instanceof GapAwareTrackingToken gapAware) {
            return new Handover(gapAware.getIndex(), gapAware.getGaps());
        }
        return new Handover(plain.position().orElse(-1), Set.of());
    }

    static long position(TrackingToken token) {
        return token == null ? -1 : WrappedToken.unwrapLowerBound(token).position().orElse(-1);
    }
}
