package dev.dxcp.server.process;

import dev.dxcp.testsupport.http.TestHttp;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The packaged server (target/dxcp-server.jar) in a JVM of its own, so a test can kill it with SIGKILL
 * and start it again on the same database, port and settings. Its output goes to target/.
 */
public final class ServerProcess implements AutoCloseable {
    private final Map<String, String> environment;
    private final int port;
    private final Path log;
    private final List<String> jvmOptions;
    private final Path jar;
    private Process process;
    private int starts;

    public ServerProcess(Map<String, String> environment, String name) {
        // C1 only: these servers live for seconds to minutes and are started many times on two cores, where
        // the optimising compiler's threads cost a start more than its faster code gives back (decision 58).
        this(environment, name, List.of("-Xmx384m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1"));
    }

    /** @param jvmOptions the JVM's options, e.g. a smaller heap when several servers share the machine */
    public ServerProcess(Map<String, String> environment, String name, List<String> jvmOptions) {
        this(environment, name, jvmOptions, jar());
    }

    /** @param jar the packaged server, or the same jar extracted (Spring Boot's tools jar mode) */
    public ServerProcess(Map<String, String> environment, String name, List<String> jvmOptions, Path jar) {
        this.jar = jar;
        this.jvmOptions = List.copyOf(jvmOptions);
        this.environment = new HashMap<>(environment);
        this.port = freePort();
        this.environment.put("SERVER_PORT", String.valueOf(port));
        this.log = Path.of("target", name + "-server.log");
    }

    public static Path jar() {
        Path jar = Path.of("target", "dxcp-server.jar");
        if (!Files.exists(jar)) {
            throw new IllegalStateException("target/dxcp-server.jar is missing: run 'mvn verify' (package first)");
        }
        return jar;
    }

    public String url(String path) {
        return "http://127.0.0.1:" + port + path;
    }

    public long pid() {
        return process.pid();
    }

    public int port() {
        return port;
    }

    public boolean isAlive() {
        return process != null && process.isAlive();
    }

    public Path log() {
        return log;
    }

    public ServerProcess start() {
        List<String> command = new ArrayList<>();
        command.add(javaBinary());
        command.addAll(jvmOptions);
        command.addAll(List.of("-jar", jar.toString()));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        builder.environment().putAll(environment);
        try {
            Files.writeString(log, "---- start " + (++starts) + " ----\n", java.nio.file.StandardOpenOption.CREATE,
                    java.nio.file.StandardOpenOption.APPEND);
            process = builder.start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        awaitHealthy(Duration.ofSeconds(90));
        return this;
    }

    /** SIGKILL: no shutdown hooks, no graceful stop, exactly like a crash. */
    public void kill() {
        process.destroyForcibly();
        try {
            process.waitFor();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void awaitHealthy(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("server exited during start-up, see " + log.toAbsolutePath());
            }
            try {
                if (TestHttp.get(url("/v1/health"), null).status() == 200) {
                    return;
                }
            } catch (RuntimeException notYet) {
                // not listening yet
            }
            sleep(200);
        }
        throw new IllegalStateException("server did not become healthy, see " + log.toAbsolutePath());
    }

    @Override
    public void close() {
        if (process != null && process.isAlive()) {
            process.destroy();
            try {
                if (!process.waitFor(15, java.util.concurrent.TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    public static String javaBinary() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    public static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
