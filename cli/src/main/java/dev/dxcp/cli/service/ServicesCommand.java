package dev.dxcp.cli.service;

import com.fasterxml.jackson.databind.JsonNode;
import dev.dxcp.cli.CliContext;
import dev.dxcp.cli.DxcpCommand;
import dev.dxcp.cli.ExitCode;
import dev.dxcp.cli.Output;
import picocli.CommandLine.Command;

import java.util.ArrayList;
import java.util.List;

/** GET /v1/services: the service registry (api-contract §4). */
@Command(name = "services", mixinStandardHelpOptions = true, description = "List the services DXCP knows.")
public final class ServicesCommand extends DxcpCommand {
    ServicesCommand(CliContext cli) {
        super(cli);
    }

    @Override
    protected ExitCode run() {
        JsonNode services = cli.api().get("/v1/services").json();
        if (output.json()) {
            output.print(services);
            return ExitCode.OK;
        }
        List<List<String>> rows = new ArrayList<>();
        for (JsonNode service : services) {
            rows.add(List.of(Output.text(service, "service_name"), Output.text(service, "delivery_group_id"),
                    Output.text(service, "allowed_environments"), Output.text(service, "allowed_recipes"),
                    Output.text(service, "backstage_entity_ref")));
        }
        output.table(List.of("SERVICE", "GROUP", "ENVIRONMENTS", "RECIPES", "CATALOG"), rows);
        return ExitCode.OK;
    }
}
