package dev.dxcp.bench.report;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/** What the figures were measured on, from the JVM and /proc, for the report. */
public record MachineFacts(int cores, String cpu, long memoryKib, String os, String jdk) {

    public static MachineFacts current() {
        return new MachineFacts(Runtime.getRuntime().availableProcessors(), readCpuModel(), readMemoryKib(), readOs(),
                System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version"));
    }

    /** The 1-, 5- and 15-minute load averages: other work on the machine skews every figure. */
    public static String loadAverage() {
        try {
            String[] fields = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
            return fields[0] + " " + fields[1] + " " + fields[2];
        } catch (IOException | ArrayIndexOutOfBoundsException e) {
            return "unknown";
        }
    }

    public static double oneMinuteLoad() {
        try {
            return Double.parseDouble(loadAverage().split(" ")[0]);
        } catch (NumberFormatException e) {
            return Double.NaN;
        }
    }

    public String text() {
        return String.format(Locale.ROOT, "%d cores (%s), %.1f GiB RAM, %s, %s", cores, cpu,
                memoryKib / 1024.0 / 1024.0, os, jdk);
    }

    private static String readCpuModel() {
        return procLine(Path.of("/proc/cpuinfo"), "model name").replaceFirst("^[^:]*:\\s*", "");
    }

    private static long readMemoryKib() {
        String line = procLine(Path.of("/proc/meminfo"), "MemTotal:");
        try {
            return Long.parseLong(line.replaceAll("[^0-9]", ""));
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private static String readOs() {
        String pretty = procLine(Path.of("/etc/os-release"), "PRETTY_NAME=").replaceFirst("^PRETTY_NAME=", "")
                .replace("\"", "");
        return (pretty.isEmpty() ? System.getProperty("os.name") : pretty) + ", Linux "
                + System.getProperty("os.version");
    }

    private static String procLine(Path file, String prefix) {
        try {
            List<String> lines = Files.readAllLines(file);
            return lines.stream().filter(l -> l.startsWith(prefix)).findFirst().orElse("");
        } catch (IOException e) {
            return "";
        }
    }
}
