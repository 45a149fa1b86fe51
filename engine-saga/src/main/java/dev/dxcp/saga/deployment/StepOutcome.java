package dev.dxcp.saga.deployment;

import java.time.Duration;

/** A step's result: the progress to keep and when to run the next step; {@code next} null means done. */
public record StepOutcome(ExecutionProgress progress, Duration next) {
    static StepOutcome done(ExecutionProgress progress) {
        return new StepOutcome(progress, null);
    }

    public boolean finished() {
        return next == null;
    }
}
