package dev.dxcp.cli.audit;

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

/** GET /v1/admin/audit/verify: recomputes the tamper-evidence chain; exit 9 when an entry no longer matches. */
@Command(name = "verify", mixinStandardHelpOptions = true,
        description = "Check the audit chain over a range of positions (exit 9 on a mismatch).")
public final class VerifyCommand extends DxcpCommand {
    @Option(names = "--from", paramLabel = "POSITION")
    Long from;

    @Option(names = "--to", paramLabel = "POSITION")
    Long to;

    VerifyCommand(CliContext cli) {
        super(cli);
    }

    @Override
    protected ExitCode run() {
        JsonNode result = cli.api().get(ApiClient.path("/v1/admin/audit/verify", "from", from, "to", to)).json();
        boolean verified = result.path("verified").asBoolean();
        if (output.json()) {
            output.print(result);
        } else {
            List<String[]> fields = new ArrayList<>();
            fields.add(Output.field("verified", String.valueOf(verified)));
            fields.add(Output.field("checked", Output.text(result, "checked")));
            fields.add(Output.field("range", Output.text(result, "from") + ".." + Output.text(result, "to")));
            fields.add(Output.field("head", Output.text(result.path("head"), "position") + " "
                    + Output.text(result.path("head"), "entry_hash")));
            if (result.hasNonNull("mismatch")) {
                JsonNode mismatch = result.path("mismatch");
                fields.add(Output.field("mismatch", "position " + Output.text(mismatch, "position") + " (event "
                        + Output.text(mismatch, "event_id") + "): " + Output.text(mismatch, "reason")));
            }
            output.fields(fields);
        }
        return verified ? ExitCode.OK : ExitCode.AUDIT_MISMATCH;
    }
}
