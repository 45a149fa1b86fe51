package dev.dxcp.cli.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.dxcp.cli.Output;

import java.util.ArrayList;
import java.util.List;

/** How a DeploymentRecord (api-contract §5) reads in a table and in a detail block. */
final class DeploymentView {
    static final List<String> HEADERS = List.of("ID", "SERVICE", "ENV", "VERSION", "KIND", "STATE", "OUTCOME",
            "CREATED");

    private DeploymentView() {
    }

    static List<String> row(JsonNode record) {
        return List.of(Output.text(record, "id"), Output.text(record, "service"), Output.text(record, "environment"),
                Output.text(record, "version"), Output.text(record, "deploymentKind"), Output.text(record, "state"),
                Output.text(record, "outcome"), Output.text(record, "createdAt"));
    }

    static List<String[]> details(JsonNode record) {
        List<String[]> fields = new ArrayList<>();
        fields.add(Output.field("id", Output.text(record, "id")));
        fields.add(Output.field("service", Output.text(record, "service")));
        fields.add(Output.field("environment", Output.text(record, "environment")));
        fields.add(Output.field("version", Output.text(record, "version")));
        fields.add(Output.field("kind", Output.text(record, "deploymentKind")));
        fields.add(Output.field("state", Output.text(record, "state")));
        fields.add(Output.field("outcome", Output.text(record, "outcome")));
        fields.add(Output.field("recipe", Output.text(record, "recipeId") + " (revision "
                + Output.text(record, "recipeRevision") + ")"));
        fields.add(Output.field("group", Output.text(record, "deliveryGroupId")));
        fields.add(Output.field("summary", Output.text(record, "changeSummary")));
        if (record.hasNonNull("rollbackOf")) {
            fields.add(Output.field("rollback of", Output.text(record, "rollbackOf")));
        }
        fields.add(Output.field("created", Output.text(record, "createdAt")));
        fields.add(Output.field("updated", Output.text(record, "updatedAt")));
        if (record.has("engineExecutionUrl")) {
            fields.add(Output.field("engine", Output.text(record, "engineExecutionUrl")));
        }
        return fields;
    }

    static List<String> failureLines(JsonNode record) {
        List<String> lines = new ArrayList<>();
        for (JsonNode failure : record.path("failures")) {
            lines.add("  " + Output.text(failure, "category") + ": " + Output.text(failure, "summary"));
            if (failure.hasNonNull("detail")) {
                lines.add("    " + failure.path("detail").asText());
            }
            if (failure.hasNonNull("actionHint")) {
                lines.add("    what to do: " + failure.path("actionHint").asText());
            }
        }
        return lines;
    }

    static String timelineLine(JsonNode entry) {
        String detail = entry.hasNonNull("detail") ? "  " + entry.path("detail").asText() : "";
        return "  " + Output.text(entry, "occurredAt") + "  " + Output.text(entry, "label") + detail;
    }
}
