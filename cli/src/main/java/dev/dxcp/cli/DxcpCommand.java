package dev.dxcp.cli;

import java.util.concurrent.Callable;

/** Base of every command: the context it runs in and the printer for the selected format. */
public abstract class DxcpCommand implements Callable<Integer> {
    protected final CliContext cli;
    protected final Output output;

    protected DxcpCommand(CliContext cli) {
        this.cli = cli;
        this.output = new Output(cli);
    }

    @Override
    public final Integer call() {
        return run().code();
    }

    protected abstract ExitCode run();
}
