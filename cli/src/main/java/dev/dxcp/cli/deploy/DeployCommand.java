package dev.dxcp.cli.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.dxcp.cli.CliContext;
import dev.dxcp.cli.DxcpCommand;
import dev.dxcp.cli.ExitCode;
import dev.dxcp.cli.Output;
import dev.dxcp.cli.build.CiRun;
import dev.dxcp.cli.http.ApiClient;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Deploy by intent (api-contract §5): POST /v1/deployments/validate first, whose policy summary is
 * shown, then POST /v1/deployments; with --wait, follow it to its end.
 */
@Command(name = "deploy", mixinStandardHelpOptions = true,
        description = {"Deploy a registered version of a service to an environment.",
                "Validates first and shows the policy (quota, concurrency), then deploys."})
public final class DeployCommand extends DxcpCommand {
    @Parameters(index = "0", paramLabel = "SERVICE")
    String service;

    @Parameters(index = "1", paramLabel = "VERSION")
    String version;

    @Option(names = {"--env", "-e"}, required = true, paramLabel = "ENV")
    String environment;

    @Option(names = "--recipe", paramLabel = "RECIPE", description = "Default: the service's route for the environment.")
    String recipe;

    @Option(names = {"-m", "--message"}, required = true, paramLabel = "SUMMARY",
            description = "Change summary (up to 240 characters), kept in the record and the audit.")
    String summary;

    @Option(names = "--idempotency-key", paramLabel = "KEY",
            description = "Default: derived from the CI run (a retried job replays), else random.")
    String idempotencyKey;

    @Mixin
    FollowOptions follow;

    DeployCommand(CliContext cli) {
        super(cli);
    }

    @Override
    protected ExitCode run() {
        Map<String, Object> intent = new LinkedHashMap<>();
        intent.put("service", service);
        intent.put("environment", environment);
        intent.put("version", version);
        intent.put("changeSummary", summary);
        if (recipe != null && !recipe.isBlank()) {
            intent.put("recipeId", recipe);
        }
        ApiClient api = cli.api();
        JsonNode validation = api.post("/v1/deployments/validate", intent, Map.of()).json();
        if (!output.json()) {
            JsonNode policy = validation.path("policy");
            output.line("Validated " + service + " " + version + " -> " + environment + ": recipe "
                    + Output.text(validation, "recipeId") + ", delivery group " + Output.text(validation, "deliveryGroupId"));
            output.line("Policy: " + Output.text(policy, "deployments_used") + " of "
                    + Output.text(policy, "daily_deploy_quota") + " deploys used today ("
                    + Output.text(policy, "deployments_remaining") + " left), "
                    + Output.text(policy, "current_concurrent_deployments") + " of "
                    + Output.text(policy, "max_concurrent_deployments") + " concurrent");
        }
        String key = firstNonBlank(idempotencyKey, CiRun.detect(cli).key("deploy", service, version, environment),
                UUID.randomUUID().toString());
        JsonNode record = api.post("/v1/deployments", intent, Map.of("Idempotency-Key", key)).json();
        return Submitted.report(cli, output, record, follow);
    }

    static String firstNonBlank(String... values) {
        for (String value : values) {
            if (value != null && !value.isBlank()) {
                return value;
            }
        }
        return null;
    }

    /** What deploy and rollback print after the server accepted, and the optional follow. */
    static final class Submitted {
        private Submitted() {
        }

        static ExitCode report(CliContext cli, Output output, JsonNode record, FollowOptions follow) {
            String id = record.path("id").asText();
            if (!follow.wait) {
                if (output.json()) {
                    output.print(record);
                } else {
                    output.line(kind(record) + " " + id + " accepted (" + Output.text(record, "state") + ")");
                    output.line("Follow it: dxcp deployments get " + id + " --wait");
                }
                return ExitCode.OK;
            }
            if (!output.json()) {
                output.line(kind(record) + " " + id + " accepted; following it (Ctrl-C stops following, "
                        + "not the deployment)");
            }
            JsonNode[] last = {record};
            ExitCode ended = new DeploymentFollower(cli, follow.poll).follow(id, follow.timeout, last);
            if (output.json()) {
                output.print(last[0]);
            }
            return ended;
        }

        private static String kind(JsonNode record) {
            return List.of("ROLLBACK").contains(record.path("deploymentKind").asText()) ? "Rollback" : "Deployment";
        }
    }
}
