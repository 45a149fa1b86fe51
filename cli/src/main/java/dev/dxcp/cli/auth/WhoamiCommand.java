package dev.dxcp.cli.auth;

import com.fasterxml.jackson.databind.JsonNode;
import dev.dxcp.cli.CliContext;
import dev.dxcp.cli.DxcpCommand;
import dev.dxcp.cli.ExitCode;
import dev.dxcp.cli.Output;
import dev.dxcp.cli.http.ApiClient;
import picocli.CommandLine.Command;

import java.util.List;

/** GET /v1/whoami: the identity the server sees (api-contract §3), and the role the token carries. */
@Command(name = "whoami", mixinStandardHelpOptions = true,
        description = "Show who the server thinks you are (json: the /v1/whoami answer).")
public final class WhoamiCommand extends DxcpCommand {
    WhoamiCommand(CliContext cli) {
        super(cli);
    }

    @Override
    protected ExitCode run() {
        ApiClient api = cli.api();
        JsonNode whoami = api.get("/v1/whoami").json();
        if (output.json()) {
            output.print(whoami);
        } else {
            String role = TokenClaims.of(api.token()).role();
            output.fields(List.of(
                    Output.field("server", api.server()),
                    Output.field("actor", Output.text(whoami, "actor_id")),
                    Output.field("role", role),
                    Output.field("email", Output.text(whoami, "email")),
                    Output.field("sub", Output.text(whoami, "sub")),
                    Output.field("issuer", Output.text(whoami, "iss")),
                    Output.field("audience", Output.text(whoami, "aud")),
                    Output.field("azp", Output.text(whoami, "azp"))));
        }
        return ExitCode.OK;
    }
}
