package dev.dxcp.cli.auth;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dxcp.cli.CliContext;
import dev.dxcp.cli.CliFailure;
import dev.dxcp.cli.DxcpCommand;
import dev.dxcp.cli.ExitCode;
import picocli.CommandLine.Command;

/** Forgets the cached token of a context; the server URL and login mode stay. */
@Command(name = "logout", mixinStandardHelpOptions = true, description = "Remove the saved token of the context.")
public final class LogoutCommand extends DxcpCommand {
    LogoutCommand(CliContext cli) {
        super(cli);
    }

    @Override
    protected ExitCode run() {
        ConfigFile config = cli.config();
        String name = Credentials.firstOf(cli.contextOption(), config.currentName());
        ObjectNode context = name == null ? null : config.context(name).orElse(null);
        if (context == null) {
            throw new CliFailure(ExitCode.NOT_FOUND, "No context to log out of");
        }
        context.remove("token");
        config.saveContext(name, context, false);
        output.line("Logged out of context " + name);
        return ExitCode.OK;
    }
}
