package dev.dxcp.server.process;

import dev.dxcp.server.e2e.LocalAddresses;
import dev.dxcp.testsupport.http.TestHttp;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A newcomer's first run, as README.md tells it: the packaged jar (the only thing taken from the build),
 * {@code bin/dxcp-server} and {@code server/jvm.options} from this checkout, started with the README's
 * command ({@code bin/dxcp-server}) from the root of an otherwise empty checkout, with no DXCP_* or
 * SERVER_* setting at all, so on the default relative data directory {@code ./data}. Once healthy, the
 * README's "First steps" bash block runs as written (only its port differs: the test picks a free one and
 * passes it as {@code --server.port}), and each numbered step's answer is checked here: when the README's
 * first steps change, this test changes with them. Then a second server on the same port must give up.
 */
class NewcomerIT {
    private static final String README_COMMAND_JAR = "server/target/dxcp-server.jar";
    private static final String README_COMMAND = "bin/dxcp-server";
    private static final String JVM_OPTIONS = "server/jvm.options";
    private static final Pattern LOCAL_ENDPOINT = Pattern.compile("(?:endpoint|gate_url)=http://([0-9.]+):(\\d+)");

    @Test
    void theReadmesFirstStepsWorkOnTheJarStartedWithNoSettingsInAFreshCheckout() throws IOException {
        Path checkout = JarLaunch.freshDirectory("newcomer-");
        Files.createDirectories(checkout.resolve("server/target"));
        Files.copy(ServerProcess.jar(), checkout.resolve(README_COMMAND_JAR));
        assertThat(ReadmeFirstSteps.startCommand()).as("the README's first command")
                .isEqualTo("mvn -q -DskipTests package && " + README_COMMAND);
        Files.createDirectories(checkout.resolve("bin"));
        Files.copy(Path.of("..").resolve(README_COMMAND), checkout.resolve(README_COMMAND));
        Files.copy(Path.of("..").resolve(JVM_OPTIONS), checkout.resolve(JVM_OPTIONS));
        int port = ServerProcess.freePort();

        try (JarLaunch server = JarLaunch.startScript(checkout, README_COMMAND, Map.of(), "newcomer-server",
                "--server.port=" + port)) {
            Duration healthy = awaitHealthy(server, port);
            System.out.println("event=newcomer_time_to_healthy ms=" + healthy.toMillis());
            // Once healthy the script has long become the JVM (exec), with the options file's flags.
            assertThat(server.jvmArguments()).as("the JVM started with server/jvm.options")
                    .containsAll(optionsFileFlags(checkout.resolve(JVM_OPTIONS)))
                    .anyMatch(flag -> flag.startsWith("-Xmx"));
            assertThat(checkout.resolve("data").resolve("dxcp.mv.db")).as("embedded database under ./data").exists();

            Map<Integer, String> steps = ReadmeFirstSteps.run(port, Duration.ofMinutes(3),
                    Path.of("target", "newcomer-first-steps.log").toAbsolutePath());
            assertTheReadmesPromises(steps);

            assertOnlyLoopbackListens(port, server.logLines());
            assertASecondServerOnTheSamePortGivesUp(port);
        }
    }

    /** The flags of a Java argument file, one per line as server/jvm.options keeps them, comments aside. */
    private static List<String> optionsFileFlags(Path file) throws IOException {
        return Files.readAllLines(file).stream().map(String::trim)
                .filter(line -> !line.isEmpty() && !line.startsWith("#")).toList();
    }

    /** Step numbers and promises as in README.md "First steps on the embedded server". */
    private static void assertTheReadmesPromises(Map<Integer, String> steps) {
        assertThat(steps.keySet()).as("the README's numbered steps").containsExactly(1, 2, 3, 4, 5, 6, 7);
        assertThat(steps.get(1)).as("1. whoami with the CI token").contains("\"sub\":\"demo-ci@clients\"");
        assertThat(steps.get(2)).as("2. allowlist").contains("\"name\":\"demo-ci\"");
        assertThat(steps.get(3)).as("3. register, then replay")
                .containsSubsequence("HTTP/1.1 201", "Idempotency-Replayed: false", "HTTP/1.1 201",
                        "Idempotency-Replayed: true");
        assertThat(steps.get(4)).as("4. same key, other build").contains("\"code\":\"BUILD_REGISTRATION_CONFLICT\"");
        assertThat(steps.get(5)).as("5. read back")
                .contains("\"version\":\"1.2.0\"", "\"ci_publisher\":\"demo-ci\"", "\"source\":\"s3\"")
                .containsSubsequence("\"version\":\"1.2.0\"", "\"version\":\"1.1.0\"", "\"version\":\"1.0.0\"");
        // curl prints JSON without a final newline, so the waits' SUCCEEDED may follow it on the same line.
        assertThat(steps.get(6)).as("6. validate, deploy 1.1.0, wait")
                .contains("\"versionRegistered\":true").endsWith("SUCCEEDED\n");
        assertThat(steps.get(7)).as("7. deploy 1.2.0, roll back to 1.1.0")
                .containsSubsequence("SUCCEEDED\n", "SUCCEEDED\n",
                        "\"version\":\"1.1.0\"", "\"deploymentKind\":\"ROLLBACK\"")
                .doesNotContain("FAILED", "CANCELED");
        assertThat(steps.get(6) + steps.get(7)).doesNotContain("\"code\":");
    }

    /**
     * Embedded mode listens on loopback only: the HTTP port, the embedded S3 server and the Gate simulator
     * refuse a connection to this machine's own non-loopback address.
     */
    private static void assertOnlyLoopbackListens(int port, List<String> log) {
        Optional<InetAddress> external = LocalAddresses.nonLoopback();
        if (external.isEmpty()) {
            System.out.println("event=newcomer_bind_check skipped=\"this machine has no non-loopback address\"");
            return;
        }
        List<Integer> ports = new java.util.ArrayList<>(List.of(port));
        for (String line : log) {
            Matcher local = LOCAL_ENDPOINT.matcher(line);
            if (local.find()) {
                assertThat(local.group(1)).as(line).isEqualTo("127.0.0.1");
                ports.add(Integer.parseInt(local.group(2)));
            }
        }
        assertThat(ports).as("server, embedded S3 and simulator ports").hasSize(3);
        for (int listening : ports) {
            assertThat(LocalAddresses.accepts(InetAddress.getLoopbackAddress(), listening)).isTrue();
            assertThat(LocalAddresses.accepts(external.get(), listening)).as("port %d on %s", listening, external.get())
                    .isFalse();
        }
    }

    private static void assertASecondServerOnTheSamePortGivesUp(int port) {
        Path other = JarLaunch.freshDirectory("newcomer-second-");
        try (JarLaunch second = JarLaunch.start(other, ServerProcess.jar().toAbsolutePath().toString(), Map.of(),
                "newcomer-second-server", "--server.port=" + port)) {
            Integer status = second.awaitExit(Duration.ofSeconds(60));
            assertThat(status).as("second server's exit status within 60 s, see %s", second.log()).isNotNull()
                    .isNotZero();
            assertThat(second.logLines()).filteredOn(line -> line.contains("event=start_failed "))
                    .singleElement().asString().contains("cause=port_in_use");
        }
    }

    private static Duration awaitHealthy(JarLaunch server, int port) {
        long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
        while (System.nanoTime() < deadline) {
            assertThat(server.process().isAlive()).as("server running, see %s", server.log()).isTrue();
            try {
                if (TestHttp.get("http://127.0.0.1:" + port + "/v1/health", null).status() == 200) {
                    return server.sinceStart();
                }
            } catch (RuntimeException notYet) {
                // not listening yet
            }
            ServerProcess.sleep(100);
        }
        throw new AssertionError("server not healthy within 120 s, see " + server.log());
    }
}
