package dev.dxcp.cli.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.dxcp.cli.CliContext;
import dev.dxcp.cli.CommandGroup;
import dev.dxcp.cli.DxcpCommand;
import dev.dxcp.cli.ExitCode;
import dev.dxcp.cli.http.ApiClient;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** One deployment: its record, timeline and failures, now or as of a moment (docs/TIME_TRAVEL.md). */
@Command(name = "deployments", mixinStandardHelpOptions = true, description = "Read one deployment.",
        subcommands = {DeploymentsCommand.Get.class, DeploymentsCommand.Timeline.class})
public final class DeploymentsCommand extends CommandGroup {
    DeploymentsCommand(CliContext cli) {
        super(cli);
    }

    @Command(name = "get", mixinStandardHelpOptions = true,
            description = {"Show a deployment: record, timeline, failures.",
                    "--as-of TIME shows it as it was then; --wait follows it until it ends."})
    static final class Get extends DxcpCommand {
        @Parameters(paramLabel = "ID")
        String id;

        @Option(names = "--as-of", paramLabel = "TIME", description = "ISO-8601 moment, e.g. 2026-03-01T10:15:30Z")
        String asOf;

        @Mixin
        FollowOptions follow;

        Get(CliContext cli) {
            super(cli);
        }

        @Override
        protected ExitCode run() {
            ApiClient api = cli.api();
            String base = "/v1/deployments/" + ApiClient.segment(id);
            JsonNode record = api.get(ApiClient.path(base, "asOf", asOf)).json();
            if (follow.wait && asOf == null && DeploymentFollower.outcome(record.path("state").asText()) == null) {
                return DeployCommand.Submitted.report(cli, output, record, follow);
            }
            if (output.json()) {
                output.print(record);
                return ExitCode.OK;
            }
            output.fields(DeploymentView.details(record));
            output.line("timeline:");
            for (JsonNode entry : api.get(ApiClient.path(base + "/timeline", "asOf", asOf)).json()) {
                output.line(DeploymentView.timelineLine(entry));
            }
            if (!record.path("failures").isEmpty()) {
                output.line("failures:");
                DeploymentView.failureLines(record).forEach(output::line);
            }
            return follow.wait ? DeploymentFollower.outcome(record.path("state").asText()) : ExitCode.OK;
        }
    }

    @Command(name = "timeline", mixinStandardHelpOptions = true, description = "The normalized timeline (domain §8).")
    static final class Timeline extends DxcpCommand {
        @Parameters(paramLabel = "ID")
        String id;

        @Option(names = "--as-of", paramLabel = "TIME")
        String asOf;

        Timeline(CliContext cli) {
            super(cli);
        }

        @Override
        protected ExitCode run() {
            JsonNode timeline = cli.api().get(ApiClient.path("/v1/deployments/" + ApiClient.segment(id) + "/timeline",
                    "asOf", asOf)).json();
            if (output.json()) {
                output.print(timeline);
            } else {
                timeline.forEach(entry -> output.line(DeploymentView.timelineLine(entry)));
            }
            return ExitCode.OK;
        }
    }
}
