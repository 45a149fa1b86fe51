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
    private Process process;
    private int starts;

    public ServerProcess(Map<String, String> environment, String name) {
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

    public ServerProcess start() {
        List<String> command = new ArrayList<>(List.of(javaBinary(), "-Xmx384m", "-XX:+UseSerialGC", "-jar",
                jar().toString()));
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

    static String javaBinary() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    static int freePort() {
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
