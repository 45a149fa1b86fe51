package dev.dxcp.cli.ops;

import com.fasterxml.jackson.databind.JsonNode;
import dev.dxcp.cli.CliContext;
import dev.dxcp.cli.CommandGroup;
import dev.dxcp.cli.DxcpCommand;
import dev.dxcp.cli.ExitCode;
import dev.dxcp.cli.Output;
import dev.dxcp.cli.Pause;
import dev.dxcp.cli.deploy.DurationConverter;
import dev.dxcp.cli.deploy.PatientReads;
import dev.dxcp.cli.http.ApiClient;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.PrintWriter;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Read models: list them, rebuild one or all from the event store (README, "Read models"). */
@Command(name = "projections", mixinStandardHelpOptions = true, description = "List and rebuild read models.",
        subcommands = {ProjectionsCommand.ListCommand.class, ProjectionsCommand.Rebuild.class})
public final class ProjectionsCommand extends CommandGroup {
    ProjectionsCommand(CliContext cli) {
        super(cli);
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "Projections and sagas with their lag.")
    static final class ListCommand extends DxcpCommand {
        ListCommand(CliContext cli) {
            super(cli);
        }

        @Override
        protected ExitCode run() {
            JsonNode list = cli.api().get("/v1/admin/projections").json();
            if (output.json()) {
                output.print(list);
                return ExitCode.OK;
            }
            List<List<String>> rows = new ArrayList<>();
            for (String group : List.of("projections", "sagas")) {
                for (JsonNode view : list.path(group)) {
                    JsonNode rebuild = view.path("rebuild");
                    rows.add(List.of(Output.text(view, "name"), Output.text(view, "kind"), Output.text(view, "state"),
                            Output.text(view, "position"), Output.text(view, "lag"),
                            Output.text(view, "activeGeneration"),
                            rebuild.isObject() ? Output.text(rebuild, "status") + " " + Output.text(rebuild, "startedAt")
                                    : "-"));
                }
            }
            output.table(List.of("NAME", "KIND", "STATE", "POSITION", "LAG", "GENERATION", "LAST REBUILD"), rows);
            output.line("event store head: " + Output.text(list, "eventStoreHead"));
            return ExitCode.OK;
        }
    }

    @Command(name = "rebuild", mixinStandardHelpOptions = true,
            description = {"Rebuild one projection (or all) from the event store while reads go on.",
                    "--wait shows a progress bar and exits 7 if a rebuild fails."})
    static final class Rebuild extends DxcpCommand {
        private static final int BAR = 30;

        @Parameters(paramLabel = "NAME", arity = "0..1", description = "Default: every rebuildable projection.")
        String name;

        @Option(names = {"--wait", "-w"})
        boolean wait;

        @Option(names = "--timeout", paramLabel = "DURATION", defaultValue = "PT1H", converter = DurationConverter.class)
        Duration timeout;

        @Option(names = "--poll", paramLabel = "DURATION", defaultValue = "PT2S", converter = DurationConverter.class)
        Duration poll;

        Rebuild(CliContext cli) {
            super(cli);
        }

        @Override
        protected ExitCode run() {
            ApiClient api = cli.api();
            List<String> names = new ArrayList<>();
            if (name != null) {
                JsonNode run = api.post("/v1/admin/projections/" + ApiClient.segment(name) + "/rebuild", null, Map.of())
                        .json();
                names.add(run.path("projection").asText());
                if (!wait && output.json()) {
                    output.print(run);
                }
            } else {
                JsonNode runs = api.post("/v1/admin/projections/rebuild", null, Map.of()).json();
                runs.path("rebuilds").forEach(run -> names.add(run.path("projection").asText()));
                if (!wait && output.json()) {
                    output.print(runs);
                }
            }
            if (!wait) {
                if (!output.json()) {
                    output.line("Rebuild started: " + String.join(", ", names)
                            + " (dxcp projections list shows progress)");
                }
                return ExitCode.OK;
            }
            return follow(api, names);
        }

        private ExitCode follow(ApiClient api, List<String> names) {
            PatientReads reads = new PatientReads(cli);
            PrintWriter live = output.json() ? cli.err() : cli.out();
            Instant started = cli.clock().instant();
            ExitCode result = ExitCode.OK;
            List<JsonNode> finals = new ArrayList<>();
            for (String projection : names) {
                while (true) {
                    JsonNode rebuild = reads.get("/v1/admin/projections/" + ApiClient.segment(projection))
                            .path("rebuild");
                    String status = rebuild.path("status").asText("rebuilding");
                    double progress = rebuild.path("progress").asDouble(0);
                    String line = String.format("%-12s [%s] %3d%%  %s  %s ev/s", projection, bar(progress),
                            Math.round(progress * 100), status, Output.text(rebuild, "eventsPerSecond"));
                    boolean done = status.equals("completed") || status.equals("failed");
                    if (cli.interactive()) {
                        live.print("\r\033[K" + line + (done ? "\n" : ""));
                    } else if (done) {
                        live.println(line);
                    }
                    live.flush();
                    if (done) {
                        finals.add(rebuild);
                        if (status.equals("failed")) {
                            live.println("  failed: " + rebuild.path("failure").path("message").asText());
                            result = ExitCode.DEPLOYMENT_FAILED;
                        }
                        break;
                    }
                    if (Duration.between(started, cli.clock().instant()).compareTo(timeout) >= 0) {
                        live.println();
                        live.println("Gave up waiting; the rebuild of " + projection + " goes on");
                        return ExitCode.TIMED_OUT;
                    }
                    Pause.of(poll);
                }
            }
            if (output.json()) {
                output.print(CliContext.JSON.valueToTree(finals));
            }
            return result;
        }

        private static String bar(double progress) {
            int filled = (int) Math.round(Math.max(0, Math.min(1, progress)) * BAR);
            return "#".repeat(filled) + ".".repeat(BAR - filled);
        }

    }
}
