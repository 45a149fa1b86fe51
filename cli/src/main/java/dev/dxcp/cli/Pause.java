package dev.dxcp.cli;

import java.time.Duration;

/** The pause between two status reads while following; an interrupt ends the following. */
public final class Pause {
    private Pause() {
    }

    public static void of(Duration pause) {
        try {
            Thread.sleep(pause.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CliFailure(ExitCode.INTERRUPTED, "Interrupted");
        }
    }
}
