package dev.dxcp.cli;

import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** A command that only groups subcommands (dxcp builds, dxcp audit, ...): alone, it shows its usage. */
public abstract class CommandGroup extends DxcpCommand {
    @Spec
    CommandSpec spec;

    protected CommandGroup(CliContext cli) {
        super(cli);
    }

    @Override
    protected ExitCode run() {
        spec.commandLine().usage(cli.out());
        cli.out().flush();
        return ExitCode.USAGE;
    }
}
