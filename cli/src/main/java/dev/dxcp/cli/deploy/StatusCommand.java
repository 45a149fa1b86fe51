package dev.dxcp.cli.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import dev.dxcp.cli.CliContext;
import dev.dxcp.cli.DxcpCommand;
import dev.dxcp.cli.ExitCode;
import dev.dxcp.cli.Output;
import dev.dxcp.cli.http.ApiClient;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.util.ArrayList;
import java.util.List;

/**
 * What runs where: GET /v1/services/{service}/delivery-status per environment (api-contract §4). The
 * environments are --env, else the service's allowed_environments from the registry, else sandbox.
 */
@Command(name = "status", mixinStandardHelpOptions = true,
        description = "Show what runs where for a service, and its latest deployment per environment.")
public final class StatusCommand extends DxcpCommand {
    @Parameters(paramLabel = "SERVICE")
    String service;

    @Option(names = {"--env", "-e"}, paramLabel = "ENV", description = "Only this environment.")
    String environment;

    StatusCommand(CliContext cli) {
        super(cli);
    }

    @Override
    protected ExitCode run() {
        ApiClient api = cli.api();
        ArrayNode statuses = CliContext.JSON.createArrayNode();
        for (String env : environments(api)) {
            statuses.add(api.get(ApiClient.path("/v1/services/" + ApiClient.segment(service) + "/delivery-status",
                    "environment", env)).json());
        }
        if (output.json()) {
            output.print(environment != null ? statuses.get(0) : statuses);
            return ExitCode.OK;
        }
        List<List<String>> rows = new ArrayList<>();
        for (JsonNode status : statuses) {
            JsonNode running = status.path("currentRunning");
            JsonNode latest = status.path("latest");
            rows.add(List.of(Output.text(status, "environment"), Output.text(running, "version"),
                    Output.text(running, "deploymentId"), Output.text(latest, "version"),
                    Output.text(latest, "state"), Output.text(latest, "deploymentKind"),
                    Output.text(latest, "updatedAt")));
        }
        output.table(List.of("ENV", "RUNNING", "DEPLOYMENT", "LATEST", "STATE", "KIND", "UPDATED"), rows);
        return ExitCode.OK;
    }

    private List<String> environments(ApiClient api) {
        if (environment != null) {
            return List.of(environment);
        }
        List<String> names = new ArrayList<>();
        for (JsonNode entry : api.get("/v1/services").json()) {
            if (service.equals(entry.path("service_name").asText())) {
                entry.path("allowed_environments").forEach(e -> names.add(e.asText()));
            }
        }
        return names.isEmpty() ? List.of("sandbox") : names;
    }
}
