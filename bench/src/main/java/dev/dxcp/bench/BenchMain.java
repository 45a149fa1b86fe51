package dev.dxcp.bench;

import dev.dxcp.bench.report.MachineFacts;
import dev.dxcp.bench.report.PerformanceDoc;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * {@code java -jar bench/target/dxcp-bench.jar [--quick] [--jfr]}, run from the repository root (bench/run
 * does that after building). Prints one table and writes it into docs/PERFORMANCE.md.
 */
@Command(name = "dxcp-bench", mixinStandardHelpOptions = true,
        description = "Measures DXCP end to end: its own PostgreSQL, Gate simulator and server, driven over HTTP.")
public final class BenchMain implements Callable<Integer> {
    private static final Path DEFAULT_JVM_OPTIONS = Path.of("server", "jvm.options");


    @Option(names = "--quick", description = "Small counts: checks the harness in a few minutes.")
    boolean quick;

    @Option(names = "--jfr", description = "Record the server with Java Flight Recorder (files in the log directory).")
    boolean jfr;

    @Option(names = "--server-jvm-flags", description = "Flags of the server JVM. Default: those of server/jvm.options, "
            + "which bin/dxcp-server starts the server with")
    String serverJvmFlags;

    @Option(names = "--server-jar", description = "Default: ${DEFAULT-VALUE}")
    Path serverJar = Path.of("server", "target", "dxcp-server.jar");

    @Option(names = "--gate-jar", description = "Default: ${DEFAULT-VALUE}")
    Path gateJar = Path.of("gate-simulator", "target", "gate-simulator.jar");

    @Option(names = "--doc", description = "Report file to update. Default: ${DEFAULT-VALUE}")
    Path doc = Path.of("docs", "PERFORMANCE.md");

    @Option(names = "--no-doc", description = "Print the table only.")
    boolean noDoc;

    @Option(names = "--log-dir", description = "Where child logs (and flight recordings) go. Default: ${DEFAULT-VALUE}")
    Path logRoot = Path.of("bench", "target", "bench-logs");

    private String[] arguments = new String[0];

    public static void main(String[] args) {
        // The in-process S3 server logs every start-up detail at INFO; the benchmark's own lines are enough.
        System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn");
        BenchMain main = new BenchMain();
        main.arguments = args;
        System.exit(new CommandLine(main).execute(args));
    }

    @Override
    public Integer call() throws Exception {
        for (Path jar : List.of(serverJar, gateJar)) {
            if (!Files.isRegularFile(jar)) {
                System.err.println(jar + " is missing: build first (bench/run does), and run from the repository root");
                return 2;
            }
        }
        Path logDir = Files.createDirectories(logRoot.resolve(
                LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss"))));
        RunProfile profile = quick ? RunProfile.quick() : RunProfile.full();
        double load = MachineFacts.oneMinuteLoad();
        if (load > Report.QUIET_LOAD) {
            Benchmark.say("note: load average is " + MachineFacts.loadAverage() + "; figures will be noisy");
        }
        Benchmark.say(profile.label() + " run; logs in " + logDir);
        List<String> flags = serverJvmFlags == null ? ServerJvmOptions.read(DEFAULT_JVM_OPTIONS)
                : Arrays.asList(serverJvmFlags.trim().split("\\s+"));
        BenchSettings settings = new BenchSettings(serverJar, gateJar, flags,
                logDir, jfr, ("bench/run " + String.join(" ", arguments)).trim());
        Results results = new Benchmark(profile, settings).run();
        Report report = new Report(results);
        String table = report.table().markdown();
        System.out.println();
        System.out.println(table);
        if (!noDoc) {
            PerformanceDoc.update(doc, report.docSection(table));
            Benchmark.say("updated " + doc);
        }
        if (jfr) {
            Benchmark.say("flight recordings: " + logDir + "/server-*.jfr");
        }
        return 0;
    }
}
