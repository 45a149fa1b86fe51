package dev.dxcp.gatesim.orca;

/** Orca's status enum, shared by executions, stages and tasks (spec §5.1). */
public enum ExecutionStatus {
    NOT_STARTED,
    BUFFERED,
    RUNNING,
    PAUSED,
    SUSPENDED,
    SUCCEEDED,
    FAILED_CONTINUE,
    TERMINAL,
    CANCELED,
    STOPPED,
    SKIPPED,
    REDIRECT;

    /** Orca's "complete" set. */
    public boolean isComplete() {
        return switch (this) {
            case SUCCEEDED, FAILED_CONTINUE, TERMINAL, CANCELED, STOPPED, SKIPPED -> true;
            default -> false;
        };
    }

    /** Whether stages that depend on a stage in this status may run. */
    public boolean letsDownstreamRun() {
        return this == SUCCEEDED || this == FAILED_CONTINUE || this == SKIPPED;
    }

    public static boolean isValidName(String name) {
        for (ExecutionStatus status : values()) {
            if (status.name().equals(name)) {
                return true;
            }
        }
        return false;
    }
}
