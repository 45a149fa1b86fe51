package dev.dxcp.server.startup;

import dev.dxcp.server.DxcpServerApplication;
import dev.dxcp.server.process.ServerProcess;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.SpringApplication;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A start that fails stops, in the failing process itself, everything it had started: no thread of the
 * attempt outlives it (the embedded S3 server, the Gate simulator, the pools, the schedulers), so the
 * process would end even without the last-resort exit of FailedStart. Runs the server in this JVM, as
 * {@code main} does, without that exit.
 */
class FailedStartCleanupTest {
    /**
     * Shared by the whole JVM, not started for one application: Reactor's global schedulers, the JDK's
     * HTTP keep-alive cache (ends after 5 s idle) and the selector of a JDK HTTP client (ends when the
     * client is collected).
     */
    private static final List<String> JVM_WIDE = List.of("parallel-", "boundedElastic-evictor-", "Keep-Alive-Timer",
            "HttpClient-");

    /** The web server binds last, after every other component has started. */
    @Test
    void aStartFailingAtItsLastStepBecauseItCannotListenLeavesNoThreadBehind(@TempDir Path dataDir) {
        Set<Thread> before = new HashSet<>(Thread.getAllStackTraces().keySet());
        // TEST-NET-3 (RFC 5737): an address no interface of this machine has.
        assertThatThrownBy(() -> start(dataDir, "--server.port=0", "--server.address=203.0.113.7"))
                .satisfies(failure -> assertThat(StartFailure.of(failure, null).cause()).isEqualTo("cannot_listen"));
        assertNoThreadOfTheAttemptLeft(before);
    }

    /** The first-run bug: the embedded S3 server started, then its bucket check failed and nothing stopped it. */
    @Test
    void aStartFailingRightAfterTheEmbeddedStoreStartedStopsThatStore(@TempDir Path dataDir) throws IOException {
        // A file where the bucket's directory belongs: the server starts, then refuses to create the bucket.
        Files.createDirectories(dataDir.resolve("s3"));
        Files.writeString(dataDir.resolve("s3").resolve("dxcp-artifacts"), "not a bucket");
        Set<Thread> before = new HashSet<>(Thread.getAllStackTraces().keySet());
        assertThatThrownBy(() -> start(dataDir, "--server.port=0"))
                .satisfies(failure -> assertThat(StartFailure.of(failure, null).cause())
                        .isEqualTo("artifact_store_unreachable"));
        assertNoThreadOfTheAttemptLeft(before);
    }

    private static void start(Path dataDir, String... more) {
        String[] args = new String[more.length + 1];
        args[0] = "--dxcp.data-dir=" + dataDir;
        System.arraycopy(more, 0, args, 1, more.length);
        SpringApplication.run(DxcpServerApplication.class, args);
    }

    private static void assertNoThreadOfTheAttemptLeft(Set<Thread> before) {
        long deadline = System.currentTimeMillis() + 5_000;
        List<String> left = threadsStartedSince(before);
        while (!left.isEmpty() && System.currentTimeMillis() < deadline) {
            ServerProcess.sleep(100);
            left = threadsStartedSince(before);
        }
        assertThat(left).as("threads of the failed start still alive").isEmpty();
    }

    private static List<String> threadsStartedSince(Set<Thread> before) {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.isAlive() && !before.contains(t))
                .filter(t -> JVM_WIDE.stream().noneMatch(t.getName()::startsWith))
                .map(t -> t.getName() + (t.isDaemon() ? " (daemon)" : "")).sorted().toList();
    }
}
