package dev.dxcp.server.cluster;

import dev.dxcp.server.process.ServerProcess;

/**
 * Rate limits count in fixed windows of a wall-clock minute (governance §7); a test that counts what one
 * window admits starts early enough in a minute to finish inside it. Servers and tests share this clock.
 */
final class RateWindowClock {
    private RateWindowClock() {
    }

    static void awaitRoomInTheMinute(int seconds) {
        long intoMinute = System.currentTimeMillis() % 60_000;
        if (intoMinute > 60_000 - seconds * 1_000L) {
            ServerProcess.sleep(60_000 - intoMinute + 200);
        }
    }
}
