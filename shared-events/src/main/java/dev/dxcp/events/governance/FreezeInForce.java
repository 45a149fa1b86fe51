package dev.dxcp.events.governance;

import java.time.Instant;

/** The freeze window holding a change right now, and when the occurrence in force ends. */
public record FreezeInForce(FreezeWindow window, Instant endsAt) {
}
