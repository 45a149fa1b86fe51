package dev.dxcp.cli.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.dxcp.cli.CliContext;
import dev.dxcp.cli.DxcpCommand;
import dev.dxcp.cli.ExitCode;
import dev.dxcp.cli.Output;
import dev.dxcp.cli.http.ApiClient;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.util.ArrayList;
import java.util.List;

/** GET /v1/deployments: deployment history, newest first (api-contract §5). */
@Command(name = "history", mixinStandardHelpOptions = true, description = "List deployments, newest first.")
public final class HistoryCommand extends DxcpCommand {
    @Option(names = {"--service", "-s"}, paramLabel = "SERVICE")
    String service;

    @Option(names = {"--env", "-e"}, paramLabel = "ENV")
    String environment;

    @Option(names = "--state", paramLabel = "STATE", description = "IN_PROGRESS, SUCCEEDED, FAILED, ...")
    String state;

    @Option(names = "--limit", paramLabel = "N", defaultValue = "20", description = "Default: ${DEFAULT-VALUE}.")
    int limit;

    HistoryCommand(CliContext cli) {
        super(cli);
    }

    @Override
    protected ExitCode run() {
        JsonNode list = cli.api().get(ApiClient.path("/v1/deployments", "service", service,
                "environment", environment, "state", state, "limit", limit)).json();
        if (output.json()) {
            output.print(list);
            return ExitCode.OK;
        }
        List<List<String>> rows = new ArrayList<>();
        for (JsonNode record : list) {
            rows.add(DeploymentView.row(record));
        }
        output.table(DeploymentView.HEADERS, rows);
        return ExitCode.OK;
    }
}
