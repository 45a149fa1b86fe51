package dev.dxcp.bench;

import java.nio.file.Path;
import java.util.List;

/**
 * Where things are and how the server is run.
 *
 * @param serverJvmFlags heap and GC flags of the server JVM, recorded with the results
 * @param command        the command line as the user typed it, for the report
 */
record BenchSettings(Path serverJar, Path gateJar, List<String> serverJvmFlags, Path logDir, boolean jfr,
                     String command) {
}
