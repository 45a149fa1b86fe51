package dev.dxcp.cli.build;

import com.fasterxml.jackson.databind.JsonNode;
import dev.dxcp.cli.CliContext;
import dev.dxcp.cli.CommandGroup;
import dev.dxcp.cli.DxcpCommand;
import dev.dxcp.cli.ExitCode;
import dev.dxcp.cli.Output;
import dev.dxcp.cli.http.ApiClient;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

import java.util.List;

/** Builds: register one (CI), read one back. */
@Command(name = "builds", mixinStandardHelpOptions = true, description = "Register and read builds.",
        subcommands = {RegisterBuildCommand.class, BuildsCommand.Get.class})
public final class BuildsCommand extends CommandGroup {
    BuildsCommand(CliContext cli) {
        super(cli);
    }


    /** GET /v1/builds?service=&version= (api-contract §7). */
    @Command(name = "get", mixinStandardHelpOptions = true, description = "Show the registered build of a version.")
    static final class Get extends DxcpCommand {
        @Parameters(index = "0", paramLabel = "SERVICE")
        String service;

        @Parameters(index = "1", paramLabel = "VERSION")
        String version;

        Get(CliContext cli) {
            super(cli);
        }

        @Override
        protected ExitCode run() {
            JsonNode build = cli.api().get(ApiClient.path("/v1/builds", "service", service, "version", version)).json();
            if (output.json()) {
                output.print(build);
            } else {
                output.fields(BuildView.fields(build));
            }
            return ExitCode.OK;
        }
    }

    /** How a build record (api-contract §7) reads in a detail block. */
    static final class BuildView {
        private BuildView() {
        }

        static List<String[]> fields(JsonNode build) {
            return List.of(
                    Output.field("service", Output.text(build, "service")),
                    Output.field("version", Output.text(build, "version")),
                    Output.field("artifact", Output.text(build, "artifactRef")),
                    Output.field("sha256", Output.text(build, "sha256")),
                    Output.field("size", Output.text(build, "sizeBytes")),
                    Output.field("git", Output.text(build, "git_sha") + " on " + Output.text(build, "git_branch")),
                    Output.field("ci run", Output.text(build, "ci_provider") + " " + Output.text(build, "ci_run_id")),
                    Output.field("ci publisher", Output.text(build, "ci_publisher")),
                    Output.field("repo", Output.text(build, "repo")),
                    Output.field("actor", Output.text(build, "actor")),
                    Output.field("built at", Output.text(build, "built_at")),
                    Output.field("registered", Output.text(build, "registeredAt")));
        }
    }
}
