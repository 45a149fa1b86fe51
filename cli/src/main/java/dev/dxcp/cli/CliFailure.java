package dev.dxcp.cli;

/** A failure the CLI explains in one message and answers with a documented exit code. */
public class CliFailure extends RuntimeException {
    private final ExitCode exit;

    public CliFailure(ExitCode exit, String message) {
        super(message);
        this.exit = exit;
    }

    public CliFailure(ExitCode exit, String message, Throwable cause) {
        super(message, cause);
        this.exit = exit;
    }

    public ExitCode exit() {
        return exit;
    }
}
