package dev.dxcp.cli.auth;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dxcp.cli.CliContext;
import dev.dxcp.cli.DxcpCommand;
import dev.dxcp.cli.ExitCode;
import dev.dxcp.cli.Output;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

import java.util.ArrayList;
import java.util.List;

/** Named contexts of the config file: list them, switch the current one, delete one. */
@Command(name = "context", mixinStandardHelpOptions = true, description = "List, select or delete saved contexts.",
        subcommands = {ContextCommand.Use.class, ContextCommand.Delete.class})
public final class ContextCommand extends DxcpCommand {
    ContextCommand(CliContext cli) {
        super(cli);
    }

    /** Without a subcommand: the list. Tokens are never printed. */
    @Override
    protected ExitCode run() {
        ConfigFile config = cli.config();
        String current = config.currentName();
        List<List<String>> rows = new ArrayList<>();
        ArrayNode json = CliContext.JSON.createArrayNode();
        for (String name : config.names()) {
            ObjectNode context = config.context(name).orElseThrow();
            String mode = context.path("auth").path("mode").asText("-");
            String role = context.path("auth").path("role").asText("");
            String who = TokenClaims.of(context.path("token").asText(null)).role();
            rows.add(List.of(name.equals(current) ? "*" : "", name, Output.text(context, "server"),
                    mode + (role.isEmpty() ? "" : ":" + role), who == null ? "-" : who));
            ObjectNode item = json.addObject();
            item.put("name", name);
            item.put("current", name.equals(current));
            item.put("server", context.path("server").asText(null));
            item.set("auth", context.path("auth"));
            item.put("logged_in", context.hasNonNull("token"));
        }
        if (output.json()) {
            output.print(json);
        } else {
            output.table(List.of("CURRENT", "NAME", "SERVER", "LOGIN", "ROLE"), rows);
        }
        return ExitCode.OK;
    }

    @Command(name = "use", mixinStandardHelpOptions = true, description = "Make a context the current one.")
    static final class Use extends DxcpCommand {
        @Parameters(paramLabel = "NAME")
        String name;

        Use(CliContext cli) {
            super(cli);
        }

        @Override
        protected ExitCode run() {
            cli.config().use(name);
            output.line("Current context: " + name);
            return ExitCode.OK;
        }
    }

    @Command(name = "delete", mixinStandardHelpOptions = true, description = "Delete a context and its token.")
    static final class Delete extends DxcpCommand {
        @Parameters(paramLabel = "NAME")
        String name;

        Delete(CliContext cli) {
            super(cli);
        }

        @Override
        protected ExitCode run() {
            cli.config().delete(name);
            output.line("Deleted context " + name);
            return ExitCode.OK;
        }
    }
}
