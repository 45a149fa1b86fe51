package dev.dxcp.server.process;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The packaged server started the way a person starts it: {@code java -jar <jar> [args]} in a working
 * directory of the test's choosing, with none of the DXCP_* or SERVER_* variables of the environment the
 * tests run in, only those the test gives. Its output goes to a log file the test reads.
 */
final class JarLaunch implements AutoCloseable {
    private final Process process;
    private final Path log;
    private final long startedNanos = System.nanoTime();

    private JarLaunch(Process process, Path log) {
        this.process = process;
        this.log = log;
    }

    /**
     * @param jar        the jar as the command line names it (relative paths are relative to {@code workDir})
     * @param settings   environment variables to set, on top of an environment without DXCP_* and SERVER_*
     */
    static JarLaunch start(Path workDir, String jar, Map<String, String> settings, String name, String... args) {
        List<String> command = new ArrayList<>(List.of(ServerProcess.javaBinary(), "-Xmx384m", "-XX:+UseSerialGC",
                "-jar", jar));
        command.addAll(List.of(args));
        return launch(command, workDir, settings, name);
    }

    private static JarLaunch launch(List<String> command, Path workDir, Map<String, String> settings, String name) {
        Path log = Path.of("target", name + ".log").toAbsolutePath();
        ProcessBuilder builder = new ProcessBuilder(command).directory(workDir.toFile()).redirectErrorStream(true)
                .redirectOutput(log.toFile());
        builder.environment().keySet().removeIf(key -> key.startsWith("DXCP_") || key.startsWith("SERVER_"));
        builder.environment().putAll(settings);
        try {
            return new JarLaunch(builder.start(), log);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * A start script run with {@code sh}, as a shell runs it (its JVM replaces it: {@code exec}).
     *
     * @param script the script as the command line names it, relative to {@code workDir}
     */
    static JarLaunch startScript(Path workDir, String script, Map<String, String> settings, String name,
                                 String... args) {
        List<String> command = new ArrayList<>(List.of("sh", script));
        command.addAll(List.of(args));
        return launch(command, workDir, settings, name);
    }

    /** The arguments of the JVM this launch became, from /proc (what the script passed to java). */
    List<String> jvmArguments() {
        try {
            byte[] raw = Files.readAllBytes(Path.of("/proc", Long.toString(process.pid()), "cmdline"));
            List<String> args = new ArrayList<>(List.of(new String(raw, java.nio.charset.StandardCharsets.UTF_8)
                    .split("\u0000")));
            List<String> expanded = new ArrayList<>();
            for (String arg : args) {
                // java @file: the launcher reads the file; the kernel's command line still names it.
                if (arg.startsWith("@")) {
                    Files.readAllLines(Path.of(arg.substring(1))).stream().map(String::trim)
                            .filter(line -> !line.isEmpty() && !line.startsWith("#")).forEach(expanded::add);
                } else {
                    expanded.add(arg);
                }
            }
            return expanded;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A fresh, empty directory under target/. */
    static Path freshDirectory(String prefix) {
        try {
            return Files.createTempDirectory(Files.createDirectories(Path.of("target").toAbsolutePath()), prefix);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    Process process() {
        return process;
    }

    Duration sinceStart() {
        return Duration.ofNanos(System.nanoTime() - startedNanos);
    }

    /** The exit status, or null when the process is still running after {@code timeout}. */
    Integer awaitExit(Duration timeout) {
        try {
            return process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS) ? process.exitValue() : null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Waits until a log line contains {@code text}; false when the process ended or time ran out first. */
    boolean awaitLogLine(String text, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (logLines().stream().anyMatch(line -> line.contains(text))) {
                return true;
            }
            if (!process.isAlive()) {
                return false;
            }
            ServerProcess.sleep(50);
        }
        return false;
    }

    List<String> logLines() {
        try {
            return Files.exists(log) ? Files.readAllLines(log) : List.of();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    Path log() {
        return log;
    }

    /** SIGTERM, as a supervisor or Ctrl-C stops it. */
    void signalStop() {
        process.destroy();
    }

    @Override
    public void close() {
        if (process.isAlive()) {
            process.destroy();
            if (awaitExit(Duration.ofSeconds(20)) == null) {
                process.destroyForcibly();
                awaitExit(Duration.ofSeconds(10));
            }
        }
    }
}
