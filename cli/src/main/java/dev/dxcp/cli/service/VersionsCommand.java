package dev.dxcp.cli.service;

import com.fasterxml.jackson.databind.JsonNode;
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

/** GET /v1/services/{service}/versions: deployable versions, newest first (api-contract §4). */
@Command(name = "versions", mixinStandardHelpOptions = true, description = "List a service's versions, newest first.")
public final class VersionsCommand extends DxcpCommand {
    @Parameters(paramLabel = "SERVICE")
    String service;

    @Option(names = "--refresh", description = "Rescan the artifact store instead of the registered builds.")
    boolean refresh;

    VersionsCommand(CliContext cli) {
        super(cli);
    }

    @Override
    protected ExitCode run() {
        JsonNode answer = cli.api().get(ApiClient.path("/v1/services/" + ApiClient.segment(service) + "/versions",
                "refresh", refresh ? "true" : null)).json();
        if (output.json()) {
            output.print(answer);
            return ExitCode.OK;
        }
        List<List<String>> rows = new ArrayList<>();
        for (JsonNode version : answer.path("versions")) {
            rows.add(List.of(Output.text(version, "version"), Output.text(version, "sizeBytes"),
                    Output.text(version, "lastModified"), Output.text(version, "artifactRef")));
        }
        output.table(List.of("VERSION", "SIZE", "REGISTERED/MODIFIED", "ARTIFACT"), rows);
        output.line("(source: " + Output.text(answer, "source") + ")");
        return ExitCode.OK;
    }
}
