package dev.dxcp.cli.auth;

import dev.dxcp.cli.CliContext;
import dev.dxcp.cli.DxcpCommand;
import dev.dxcp.cli.ExitCode;
import picocli.CommandLine.Command;

/** The bearer token in use, for curl: {@code curl -H "Authorization: Bearer $(dxcp token)" ...}. */
@Command(name = "token", mixinStandardHelpOptions = true,
        description = "Print the bearer token of the selected context (renewed when it expires).")
public final class TokenCommand extends DxcpCommand {
    TokenCommand(CliContext cli) {
        super(cli);
    }

    @Override
    protected ExitCode run() {
        output.line(cli.api().token());
        return ExitCode.OK;
    }
}
