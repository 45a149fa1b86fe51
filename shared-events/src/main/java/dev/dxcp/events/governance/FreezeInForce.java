package dev.dxcp.events.governance;

import java.time.Instant;

/** The freeze window covering a change right now, and when the occurrence in force ends. */
public record FreezeInForce(FreezeWindow window, Instant endsAt) {
    public boolean blocks(boolean rollback) {
        return !rollback || !window.allowRollbacks();
    }
}
