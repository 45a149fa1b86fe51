package dev.dxcp.testsupport.postgres;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The standalone entry point the benchmark script uses, run as a real separate process. */
class TestPostgresMainTest {

    private Process process;
    private Path parent;

    @AfterEach
    void cleanUp() throws InterruptedException {
        if (process != null && process.isAlive()) {
            process.destroy();
            process.waitFor(60, TimeUnit.SECONDS);
        }
        if (parent != null) {
            ScratchDir.deleteRecursively(parent);
        }
    }

    @Test
    void printsTheJdbcUrlServesOnTheGivenPortStopsWhenTerminatedAndKeepsItsDataDir() throws Exception {
        // Not a JUnit @TempDir: that is private to root, and the server's OS user must reach the data dir.
        parent = Files.createTempDirectory("dxcp-main-test-");
        parent.toFile().setExecutable(true, false);
        Path dataDir = parent.resolve("data");
        int port = FreePorts.pick();

        String url = start(port, dataDir);
        assertEquals("jdbc:postgresql://127.0.0.1:" + port + "/postgres", url);
        execute(url, "CREATE TABLE kept (v text)", "INSERT INTO kept VALUES ('across restarts')");

        stop();
        assertFalse(listening(port), "server still listening after the process was terminated");
        assertTrue(Files.exists(dataDir.resolve("PG_VERSION")), "data dir was deleted");

        String again = start(port, dataDir);
        assertEquals("across restarts", queryOne(again, "SELECT v FROM kept"));
    }

    private String start(int port, Path dataDir) throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        process = new ProcessBuilder(List.of(java, "-cp", System.getProperty("java.class.path"),
                TestPostgresMain.class.getName(), "--port", Integer.toString(port), "--data-dir", dataDir.toString()))
                .redirectError(ProcessBuilder.Redirect.DISCARD)
                .start();
        BufferedReader stdout = new BufferedReader(new InputStreamReader(process.getInputStream()));
        String first = stdout.readLine();
        assertTrue(first != null && first.startsWith("jdbc:postgresql://"), "first line was " + first);
        return first;
    }

    private void stop() throws InterruptedException {
        process.destroy();
        assertTrue(process.waitFor(60, TimeUnit.SECONDS), "TestPostgresMain did not exit on SIGTERM");
    }

    private static boolean listening(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 500);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static void execute(String url, String... statements) throws SQLException {
        try (Connection connection = DriverManager.getConnection(url, "dxcp", "dxcp");
             Statement statement = connection.createStatement()) {
            for (String sql : statements) {
                statement.execute(sql);
            }
        }
    }

    private static String queryOne(String url, String sql) throws SQLException {
        try (Connection connection = DriverManager.getConnection(url, "dxcp", "dxcp");
             Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery(sql)) {
            assertTrue(rows.next());
            return rows.getString(1);
        }
    }
}
