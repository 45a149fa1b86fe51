package dev.dxcp.bench.report;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Writes the measured part of docs/PERFORMANCE.md: everything between two markers is replaced by the new
 * run's report; the written analysis around it stays as the engineers left it.
 */
public final class PerformanceDoc {
    static final String BEGIN = "<!-- bench:begin (written by bench/run; edits inside are overwritten) -->";
    static final String END = "<!-- bench:end -->";

    private PerformanceDoc() {
    }

    public static void update(Path doc, String report) {
        try {
            String current = Files.exists(doc) ? Files.readString(doc) : "# Performance\n\n" + BEGIN + "\n" + END + "\n";
            int begin = current.indexOf(BEGIN);
            int end = current.indexOf(END);
            if (begin < 0 || end < begin) {
                current = current + "\n" + BEGIN + "\n" + END + "\n";
                begin = current.indexOf(BEGIN);
                end = current.indexOf(END);
            }
            String updated = current.substring(0, begin + BEGIN.length()) + "\n" + report.strip() + "\n"
                    + current.substring(end);
            Files.writeString(doc, updated);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot update " + doc, e);
        }
    }
}
