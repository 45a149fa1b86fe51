package dev.dxcp.bench.rig;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** A process's resident memory as Linux reports it in /proc/&lt;pid&gt;/status, in KiB (-1 when unknown). */
public final class ResidentMemory {
    private ResidentMemory() {
    }

    /** VmRSS: resident now. */
    public static long currentKib(long pid) {
        return field(pid, "VmRSS:");
    }

    /** VmHWM: the highest resident size the process ever had. */
    public static long peakKib(long pid) {
        return field(pid, "VmHWM:");
    }

    private static long field(long pid, String name) {
        try {
            List<String> lines = Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"));
            for (String line : lines) {
                if (line.startsWith(name)) {
                    return Long.parseLong(line.substring(name.length()).replace("kB", "").trim());
                }
            }
        } catch (IOException | NumberFormatException e) {
            return -1;
        }
        return -1;
    }
}
