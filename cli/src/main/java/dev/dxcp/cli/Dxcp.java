package dev.dxcp.cli;

import dev.dxcp.cli.audit.AuditCommand;
import dev.dxcp.cli.auth.ContextCommand;
import dev.dxcp.cli.auth.LoginCommand;
import dev.dxcp.cli.auth.LogoutCommand;
import dev.dxcp.cli.auth.TokenCommand;
import dev.dxcp.cli.auth.WhoamiCommand;
import dev.dxcp.cli.build.BuildsCommand;
import dev.dxcp.cli.deploy.DeployCommand;
import dev.dxcp.cli.deploy.DeploymentsCommand;
import dev.dxcp.cli.deploy.HistoryCommand;
import dev.dxcp.cli.deploy.RollbackCommand;
import dev.dxcp.cli.deploy.StatusCommand;
import dev.dxcp.cli.ops.CiPublishersCommand;
import dev.dxcp.cli.ops.ProjectionsCommand;
import dev.dxcp.cli.service.ServicesCommand;
import dev.dxcp.cli.service.VersionsCommand;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.util.concurrent.Callable;

/** The root command: global options and the list of commands. */
@Command(name = "dxcp", mixinStandardHelpOptions = true, versionProvider = CliVersion.class,
        description = "DXCP from a terminal and a pipeline: register builds, deploy by intent, follow, roll back, "
                + "read the audit.",
        subcommands = {LoginCommand.class, LogoutCommand.class, WhoamiCommand.class, TokenCommand.class,
                ContextCommand.class, ServicesCommand.class, VersionsCommand.class, StatusCommand.class,
                HistoryCommand.class, BuildsCommand.class, DeployCommand.class, RollbackCommand.class,
                DeploymentsCommand.class, AuditCommand.class, ProjectionsCommand.class, CiPublishersCommand.class,
                CompletionCommand.class},
        footerHeading = "%nEnvironment:%n",
        footer = {"  DXCP_SERVER, DXCP_CONTEXT, DXCP_TOKEN, DXCP_CLIENT_ID, DXCP_CLIENT_SECRET,",
                "  DXCP_TOKEN_URL, DXCP_AUDIENCE; DXCP_CONFIG, default $XDG_CONFIG_HOME/dxcp/config.json",
                "  (or ~/.config/dxcp/config.json)"},
        exitCodeListHeading = "%nExit codes:%n")
public final class Dxcp implements Callable<Integer> {
    private final CliContext cli;

    @Spec
    CommandSpec spec;

    public Dxcp(CliContext cli) {
        this.cli = cli;
    }

    @Option(names = {"-o", "--output"}, scope = ScopeType.INHERIT, paramLabel = "table|json",
            description = "Output format: table (default) or json (the API's JSON; stable for scripts).")
    void output(String format) {
        cli.output(switch (format.toLowerCase()) {
            case "table" -> OutputFormat.TABLE;
            case "json" -> OutputFormat.JSON;
            default -> throw new picocli.CommandLine.ParameterException(spec.commandLine(),
                    "-o must be table or json, not " + format);
        });
    }

    @Option(names = "--server", scope = ScopeType.INHERIT, paramLabel = "URL",
            description = "DXCP server URL (default: DXCP_SERVER, else the context's).")
    void server(String server) {
        cli.server(server);
    }

    @Option(names = "--context", scope = ScopeType.INHERIT, paramLabel = "NAME",
            description = "Config context to use (default: DXCP_CONTEXT, else the current one).")
    void context(String name) {
        cli.contextName(name);
    }

    @Override
    public Integer call() {
        spec.commandLine().usage(cli.out());
        return ExitCode.USAGE.code();
    }
}
