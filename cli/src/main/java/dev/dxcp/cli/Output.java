package dev.dxcp.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;

/** Printing for both formats: aligned tables and "label: value" blocks for people, JSON for scripts. */
public final class Output {
    private final CliContext cli;

    public Output(CliContext cli) {
        this.cli = cli;
    }

    public boolean json() {
        return cli.output() == OutputFormat.JSON;
    }

    /** Pretty JSON on standard output, one document per command (README, "The dxcp CLI"). */
    public void print(JsonNode node) {
        try {
            cli.out().println(CliContext.JSON.writerWithDefaultPrettyPrinter().writeValueAsString(node));
            cli.out().flush();
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    public void line(String text) {
        cli.out().println(text);
        cli.out().flush();
    }

    /** Columns padded to their widest cell; empty values shown as "-". */
    public void table(List<String> headers, List<List<String>> rows) {
        List<List<String>> all = new ArrayList<>();
        all.add(headers);
        rows.forEach(row -> all.add(row.stream().map(Output::cell).toList()));
        int[] widths = new int[headers.size()];
        for (List<String> row : all) {
            for (int i = 0; i < row.size(); i++) {
                widths[i] = Math.max(widths[i], row.get(i).length());
            }
        }
        PrintWriter out = cli.out();
        for (List<String> row : all) {
            StringBuilder line = new StringBuilder();
            for (int i = 0; i < row.size(); i++) {
                line.append(i == row.size() - 1 ? row.get(i) : String.format("%-" + widths[i] + "s  ", row.get(i)));
            }
            out.println(line.toString().stripTrailing());
        }
        out.flush();
    }

    /** "label: value" lines, labels aligned. */
    public void fields(List<String[]> pairs) {
        int width = pairs.stream().mapToInt(p -> p[0].length()).max().orElse(0);
        for (String[] pair : pairs) {
            cli.out().println(String.format("%-" + (width + 1) + "s %s", pair[0] + ":", cell(pair[1])));
        }
        cli.out().flush();
    }

    public static String[] field(String label, String value) {
        return new String[]{label, value};
    }

    /** A JSON field as display text: null and missing become "-". */
    public static String text(JsonNode node, String field) {
        JsonNode value = node.path(field);
        if (value.isMissingNode() || value.isNull()) {
            return "-";
        }
        if (value.isArray()) {
            List<String> items = new ArrayList<>();
            value.forEach(v -> items.add(v.asText()));
            return items.isEmpty() ? "-" : String.join(",", items);
        }
        return value.isValueNode() ? value.asText() : value.toString();
    }

    private static String cell(String value) {
        return value == null || value.isEmpty() ? "-" : value;
    }
}
