package dev.dxcp.cli.ops;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dxcp.cli.CliContext;
import dev.dxcp.cli.CommandGroup;
import dev.dxcp.cli.DxcpCommand;
import dev.dxcp.cli.ExitCode;
import dev.dxcp.cli.Output;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** The CI publisher allowlist (governance §3, api-contract §11), platform admins only. */
@Command(name = "ci-publishers", mixinStandardHelpOptions = true, description = "List or add allowlisted CI identities.",
        subcommands = {CiPublishersCommand.ListCommand.class, CiPublishersCommand.Add.class})
public final class CiPublishersCommand extends CommandGroup {
    static final String PATH = "/v1/admin/system/ci-publishers";

    CiPublishersCommand(CliContext cli) {
        super(cli);
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "The allowlist in force.")
    static final class ListCommand extends DxcpCommand {
        ListCommand(CliContext cli) {
            super(cli);
        }

        @Override
        protected ExitCode run() {
            JsonNode answer = cli.api().get(PATH).json();
            if (output.json()) {
                output.print(answer);
                return ExitCode.OK;
            }
            List<List<String>> rows = new ArrayList<>();
            for (JsonNode publisher : answer.path("publishers")) {
                rows.add(List.of(Output.text(publisher, "name"), Output.text(publisher, "provider"),
                        Output.text(publisher, "subjects"), Output.text(publisher, "subject_prefixes"),
                        Output.text(publisher, "issuers"), Output.text(publisher, "authorized_party_azp")));
            }
            output.table(List.of("NAME", "PROVIDER", "SUBJECTS", "SUBJECT PREFIXES", "ISSUERS", "AZP"), rows);
            return ExitCode.OK;
        }
    }

    /** Reads the list, replaces or appends the named entry, saves the whole list (PUT is the only write). */
    @Command(name = "add", mixinStandardHelpOptions = true,
            description = {"Allowlist a CI identity (replaces an entry of the same name).",
                    "dxcp ci-publishers add demo-ci --subject demo-ci@clients"})
    static final class Add extends DxcpCommand {
        @Parameters(paramLabel = "NAME")
        String name;

        @Option(names = "--provider", defaultValue = "custom", description = "github, jenkins, spinnaker or custom.")
        String provider;

        @Option(names = "--subject")
        List<String> subjects;

        @Option(names = "--subject-prefix")
        List<String> subjectPrefixes;

        @Option(names = "--issuer")
        List<String> issuers;

        @Option(names = "--audience")
        List<String> audiences;

        @Option(names = "--azp")
        List<String> azp;

        Add(CliContext cli) {
            super(cli);
        }

        @Override
        protected ExitCode run() {
            ArrayNode publishers = CliContext.JSON.createArrayNode();
            for (JsonNode existing : cli.api().get(PATH).json().path("publishers")) {
                if (!name.equals(existing.path("name").asText())) {
                    publishers.add(existing);
                }
            }
            ObjectNode entry = publishers.addObject();
            entry.put("name", name);
            entry.put("provider", provider);
            putList(entry, "subjects", subjects);
            putList(entry, "subject_prefixes", subjectPrefixes);
            putList(entry, "issuers", issuers);
            putList(entry, "audiences", audiences);
            putList(entry, "authorized_party_azp", azp);
            ObjectNode body = CliContext.JSON.createObjectNode();
            body.set("publishers", publishers);
            JsonNode saved = cli.api().put(PATH, body, Map.of("Idempotency-Key", UUID.randomUUID().toString())).json();
            if (output.json()) {
                output.print(saved);
            } else {
                output.line("Allowlisted " + name + " (" + saved.path("publishers").size() + " publishers in force)");
            }
            return ExitCode.OK;
        }

        private static void putList(ObjectNode entry, String field, List<String> values) {
            if (values != null && !values.isEmpty()) {
                ArrayNode array = entry.putArray(field);
                values.forEach(array::add);
            }
        }
    }
}
