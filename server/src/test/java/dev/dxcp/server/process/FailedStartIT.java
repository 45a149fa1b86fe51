package dev.dxcp.server.process;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A start that cannot succeed ends the process with status 1 and one log line naming the cause, with no
 * stack trace, and with everything it had started stopped (no thread left for the last-resort exit to cut
 * short). A stop signal during the start ends it the same way. The packaged jar in an empty directory,
 * embedded mode, one wrong thing each.
 */
class FailedStartIT {
    /** A hang guard, not a speed target: a healthy start takes well under this on the slowest machine here. */
    private static final Duration EXIT_WITHIN = Duration.ofSeconds(90);

    @Test
    void aTakenPortEndsTheStartWithPortInUse() throws IOException {
        try (ServerSocket taken = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            String port = String.valueOf(taken.getLocalPort());
            String line = failedStart("port-in-use", Map.of("SERVER_PORT", port));
            assertThat(line).contains("cause=port_in_use").contains("port " + port);
        }
    }

    @Test
    void anUnreachableDatabaseEndsTheStartNamingItsUrlWithoutThePassword() {
        String url = "jdbc:postgresql://127.0.0.1:" + ServerProcess.freePort() + "/dxcp?password=hunter2";
        String line = failedStart("database-unreachable", Map.of("DXCP_DB_URL", url, "SERVER_PORT", "0"));
        assertThat(line).contains("cause=database_unreachable").contains("DXCP_DB_URL")
                .contains(url.replace("hunter2", "***")).doesNotContain("hunter2");
    }

    @Test
    void aSettingThatCannotBeReadEndsTheStartNamingTheSettingAndItsValue() {
        String line = failedStart("bad-setting", Map.of("DXCP_IDEMPOTENCY_WINDOW", "a-day", "SERVER_PORT", "0"));
        assertThat(line).contains("cause=bad_setting").contains("dxcp.idempotency-window").contains("a-day");
    }

    @Test
    void aStopSignalDuringTheStartEndsItAtOnceLikeAFailedStart() {
        Path dir = JarLaunch.freshDirectory("stop-during-start-");
        try (JarLaunch server = JarLaunch.start(dir, ServerProcess.jar().toAbsolutePath().toString(),
                Map.of("SERVER_PORT", "0"), "failed-start-stop-signal")) {
            // The embedded S3 server is up; the rest of the start (seeding, engine, web server) is still to come.
            assertThat(server.awaitLogLine("event=artifact_store mode=embedded", EXIT_WITHIN))
                    .as("start reached the artifact store, see %s", server.log()).isTrue();
            long signalled = System.nanoTime();
            server.signalStop();
            Integer status = server.awaitExit(Duration.ofSeconds(30));
            Duration afterSignal = Duration.ofNanos(System.nanoTime() - signalled);
            System.out.println("event=stop_during_start exit_after_signal_ms=" + afterSignal.toMillis());
            assertThat(status).as("exit status, see %s", server.log()).isNotNull().isNotZero();
            assertThat(oneCauseLine(server)).contains("cause=stopped");
        }
    }

    /** Starts the jar with these settings, expects it to exit with status 1 and returns its one cause line. */
    private static String failedStart(String name, Map<String, String> settings) {
        Path dir = JarLaunch.freshDirectory(name + "-");
        try (JarLaunch server = JarLaunch.start(dir, ServerProcess.jar().toAbsolutePath().toString(), settings,
                "failed-start-" + name)) {
            Integer status = server.awaitExit(EXIT_WITHIN);
            System.out.println("event=failed_start case=" + name + " exit_after_ms=" + server.sinceStart().toMillis());
            assertThat(status).as("exit status, see %s", server.log()).isEqualTo(1);
            return oneCauseLine(server);
        }
    }

    private static String oneCauseLine(JarLaunch server) {
        List<String> lines = server.logLines();
        assertThat(lines).as("no stack trace or Spring failure report in %s", server.log())
                .noneMatch(line -> line.startsWith("\tat ") || line.startsWith("Caused by:"))
                .noneMatch(line -> line.contains("Application run failed") || line.contains("APPLICATION FAILED"))
                .noneMatch(line -> line.contains("event=start_failed_threads_left"));
        List<String> causes = lines.stream().filter(line -> line.contains("event=start_failed ")).toList();
        assertThat(causes).as("the one cause line in %s", server.log()).hasSize(1);
        return causes.get(0);
    }
}
