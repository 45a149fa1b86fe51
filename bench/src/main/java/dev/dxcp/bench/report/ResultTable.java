package dev.dxcp.bench.report;

import java.util.ArrayList;
import java.util.List;

/** The one table the benchmark prints, as Markdown (readable in a terminal and in docs/PERFORMANCE.md). */
public final class ResultTable {

    /**
     * @param verdict       "met", "short", or "" when the measure has no target
     * @param ceilingShare  the figure as a share of PostgreSQL's own single-row insert rate, or ""
     */
    public record Row(String measure, String measured, String target, String verdict, String ceilingShare) {
    }

    private final List<Row> rows = new ArrayList<>();

    public void add(String measure, String measured, String target, Boolean met, String ceilingShare) {
        rows.add(new Row(measure, measured, target, met == null ? "" : met ? "met" : "**short**", ceilingShare));
    }

    public void add(String measure, String measured) {
        add(measure, measured, "", null, "");
    }

    public List<Row> rows() {
        return List.copyOf(rows);
    }

    public String markdown() {
        StringBuilder table = new StringBuilder();
        table.append("| Measure | Measured | Target | | Share of PostgreSQL's insert rate |\n");
        table.append("| --- | --- | --- | --- | --- |\n");
        for (Row row : rows) {
            table.append("| ").append(row.measure()).append(" | ").append(row.measured()).append(" | ")
                    .append(row.target()).append(" | ").append(row.verdict()).append(" | ")
                    .append(row.ceilingShare()).append(" |\n");
        }
        return table.toString();
    }
}
