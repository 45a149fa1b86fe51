package dev.dxcp.cli.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.dxcp.cli.CliContext;
import dev.dxcp.cli.DxcpCommand;
import dev.dxcp.cli.ExitCode;
import dev.dxcp.cli.build.CiRun;
import dev.dxcp.cli.http.ApiClient;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.util.Map;
import java.util.UUID;

/**
 * POST /v1/deployments/{id}/rollback (api-contract §5, governance §11): back to the version that last
 * succeeded before that deployment, as a new ROLLBACK record.
 */
@Command(name = "rollback", mixinStandardHelpOptions = true,
        description = "Roll a deployment back to the version that succeeded before it.")
public final class RollbackCommand extends DxcpCommand {
    @Parameters(paramLabel = "DEPLOYMENT_ID")
    String deploymentId;

    @Option(names = "--idempotency-key", paramLabel = "KEY",
            description = "Default: derived from the CI run (a retried job replays), else random.")
    String idempotencyKey;

    @Mixin
    FollowOptions follow;

    RollbackCommand(CliContext cli) {
        super(cli);
    }

    @Override
    protected ExitCode run() {
        String key = DeployCommand.firstNonBlank(idempotencyKey, CiRun.detect(cli).key("rollback", deploymentId),
                UUID.randomUUID().toString());
        JsonNode record = cli.api().post("/v1/deployments/" + ApiClient.segment(deploymentId) + "/rollback", null,
                Map.of("Idempotency-Key", key)).json();
        if (!output.json()) {
            output.line("Rolling back " + deploymentId + " to " + record.path("service").asText() + " "
                    + record.path("version").asText() + " in " + record.path("environment").asText());
        }
        return DeployCommand.Submitted.report(cli, output, record, follow);
    }
}
