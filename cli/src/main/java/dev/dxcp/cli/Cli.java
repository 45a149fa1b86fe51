package dev.dxcp.cli;

import dev.dxcp.cli.http.ApiError;
import picocli.CommandLine;

import java.lang.reflect.Constructor;

/**
 * Runs one dxcp command line in a context and returns its exit code. The process entry point
 * ({@link DxcpMain}) and the tests both come through here.
 */
public final class Cli {
    private Cli() {
    }

    public static int run(CliContext cli, String... args) {
        CommandLine commandLine = commandLine(cli);
        return commandLine.execute(args);
    }

    public static CommandLine commandLine(CliContext cli) {
        CommandLine commandLine = new CommandLine(new Dxcp(cli), new ContextFactory(cli));
        commandLine.setOut(cli.out());
        commandLine.setErr(cli.err());
        commandLine.setExitCodeExceptionMapper(failure -> failure instanceof CliFailure f ? f.exit().code()
                : ExitCode.ERROR.code());
        commandLine.setParameterExceptionHandler((failure, args) -> {
            cli.err().println("dxcp: " + failure.getMessage());
            cli.err().println("Try '" + failure.getCommandLine().getCommandSpec().qualifiedName() + " --help'.");
            cli.err().flush();
            return ExitCode.USAGE.code();
        });
        commandLine.setExecutionExceptionHandler((failure, line, parsed) -> {
            if (failure instanceof ApiError api && api.body() != null && cli.output() == OutputFormat.JSON) {
                new Output(cli).print(api.body());
            }
            if (failure instanceof CliFailure known) {
                cli.err().println("dxcp: " + known.getMessage());
                cli.err().flush();
                return known.exit().code();
            }
            cli.err().println("dxcp: unexpected failure: " + failure);
            cli.err().flush();
            return ExitCode.ERROR.code();
        });
        commandLine.getCommandSpec().usageMessage().exitCodeList(ExitCode.helpTable());
        return commandLine;
    }

    /** Creates commands with the context in their constructor; anything else the default way. */
    private record ContextFactory(CliContext cli) implements CommandLine.IFactory {
        @Override
        public <K> K create(Class<K> type) throws Exception {
            try {
                Constructor<K> constructor = type.getDeclaredConstructor(CliContext.class);
                constructor.setAccessible(true);
                return constructor.newInstance(cli);
            } catch (NoSuchMethodException noContext) {
                return CommandLine.defaultFactory().create(type);
            }
        }
    }
}
