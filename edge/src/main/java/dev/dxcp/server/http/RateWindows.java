package dev.dxcp.server.http;

/**
 * Where per-actor request counts of the current minute are kept. On PostgreSQL they are rows every
 * instance charges (so a limit is the same on one instance or ten); the embedded database is one
 * process, which counts in memory.
 */
public interface RateWindows {
    /**
     * Counts one request of the actor in the window.
     *
     * @param counter     actor and kind of request, e.g. {@code alice|READ}
     * @param minute      the window: minutes since the epoch
     * @param admissionId null for a request counted every time; otherwise a request counted once, however
     *                    often its decision re-runs
     * @return the actor's count in the window including this request, or 0 when this admission was
     *         counted before
     */
    int charge(String counter, long minute, String admissionId);
}
