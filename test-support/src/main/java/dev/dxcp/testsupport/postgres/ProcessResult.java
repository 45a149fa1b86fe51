package dev.dxcp.testsupport.postgres;

import java.util.List;

/** Outcome of an external command (initdb, pg_ctl, pgbench, ...), kept whole for diagnostics. */
public record ProcessResult(List<String> command, int exitCode, String stdout, String stderr) {

    public boolean succeeded() {
        return exitCode == 0;
    }

    /** Fails with everything a reader needs to diagnose a broken provisioning step. */
    public ProcessResult requireSuccess() {
        if (!succeeded()) {
            throw new IllegalStateException("Command failed (exit " + exitCode + "): " + String.join(" ", command)
                    + "\n--- stdout ---\n" + stdout + "\n--- stderr ---\n" + stderr);
        }
        return this;
    }
}
