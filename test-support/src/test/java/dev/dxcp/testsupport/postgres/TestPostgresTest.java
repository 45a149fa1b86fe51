package dev.dxcp.testsupport.postgres;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class TestPostgresTest {

    private final TestPostgres postgres = TestPostgres.shared();

    @Test
    void sharedServerIsOneInstancePerJvmAndAcceptsTheDxcpRole() throws SQLException {
        assertSame(postgres, TestPostgres.shared());
        assertEquals("dxcp", query(postgres.adminJdbcUrl(), "SELECT current_user"));
        assertTrue(query(postgres.adminJdbcUrl(), "SELECT version()").startsWith("PostgreSQL"));
        assertTrue(postgres.adminJdbcUrl().startsWith("jdbc:postgresql://" + postgres.host() + ":" + postgres.port() + "/"));
    }

    @Test
    void ownedServerStartsQuicklyWithTestOnlySpeedSettings() throws SQLException {
        assumeFalse(postgres.description().startsWith("external"), "settings of an external server are not ours");
        assertTrue(postgres.startupTime().compareTo(Duration.ofSeconds(10)) < 0,
                "startup took " + postgres.startupTime());
        assertEquals("off", query(postgres.adminJdbcUrl(), "SHOW fsync"));
        assertEquals("off", query(postgres.adminJdbcUrl(), "SHOW synchronous_commit"));
        assertEquals("300", query(postgres.adminJdbcUrl(), "SHOW max_connections"));
        assertEquals("UTF8", query(postgres.adminJdbcUrl(), "SHOW server_encoding"));
    }

    @Test
    void serverProcessDoesNotRunAsRoot() throws Exception {
        // PostgreSQL refuses root; when the JVM is root the data must belong to the postgres account.
        Path dataDir = Path.of(query(postgres.adminJdbcUrl(), "SHOW data_directory"));
        assumeTrue(Files.exists(dataDir), "server data is not on this machine (container or external)");
        assertNotEquals(0, Files.getAttribute(dataDir, "unix:uid"));
    }

    @Test
    void createdDatabasesAreIsolatedFromEachOther() throws SQLException {
        String first = postgres.createDatabase("isolation");
        String second = postgres.createDatabase("isolation");
        assertNotEquals(first, second);

        execute(first, "CREATE TABLE marker (id int)");
        execute(first, "INSERT INTO marker VALUES (1)");

        assertEquals("1", query(first, "SELECT count(*) FROM marker"));
        assertEquals("0", query(second, "SELECT count(*) FROM pg_tables WHERE tablename = 'marker'"));
    }

    @Test
    void databaseNamesAreSanitizedAndUnique() {
        String url = postgres.createDatabase("My-Context.Test");
        String name = url.substring(url.lastIndexOf('/') + 1);
        assertTrue(name.matches("my_context_test_\\d+_[0-9a-f]{8}"), name);
    }

    @Test
    void droppedDatabaseCanNoLongerBeOpened() throws SQLException {
        String url = postgres.createDatabase("dropme");
        execute(url, "SELECT 1");
        postgres.dropDatabase(url.substring(url.lastIndexOf('/') + 1));
        SQLException error = assertThrows(SQLException.class, () -> execute(url, "SELECT 1"));
        assertTrue(error.getMessage().contains("does not exist"), error.getMessage());
    }

    @Test
    void stoppedServerRefusesConnectionsAndRestartsOnTheSamePortWithItsData() throws SQLException {
        String url = postgres.createDatabase("outage");
        execute(url, "CREATE TABLE survivor (name text)");
        execute(url, "INSERT INTO survivor VALUES ('still here')");
        int port = postgres.port();

        postgres.stopServer();
        try {
            assertFalse(postgres.isRunning());
            assertThrows(SQLException.class, () -> execute(url, "SELECT 1"));
        } finally {
            postgres.startServer();
        }

        assertTrue(postgres.isRunning());
        assertEquals(port, postgres.port());
        assertEquals("still here", query(url, "SELECT name FROM survivor"));
    }

    @Test
    void pgbenchMeasuresTheSameServer() {
        String url = postgres.createDatabase("pgbench");
        String db = url.substring(url.lastIndexOf('/') + 1);
        postgres.runPgbench(List.of("-i", "-s", "1", "-q", db)).requireSuccess();

        ProcessResult run = postgres.runPgbench(List.of("-n", "-c", "2", "-t", "25", db)).requireSuccess();

        assertTrue(run.stdout().contains("number of transactions actually processed: 50/50"), run.stdout());
        assertTrue(run.stdout().contains("tps = "), run.stdout());
        assertTrue(Files.isExecutable(postgres.binDir().resolve("pgbench")));
    }

    @Test
    void withNoSourceOfPostgresProvisioningFailsWithAClearMessage() {
        // provider=external without a URL leaves no candidate: the suite must fail, not skip.
        String saved = System.getProperty(TestSettings.PROVIDER);
        String savedUrl = System.getProperty(TestSettings.URL);
        System.setProperty(TestSettings.PROVIDER, "external");
        System.setProperty(TestSettings.URL, " ");
        try {
            IllegalStateException error = assertThrows(IllegalStateException.class, TestPostgres::provision);
            assertTrue(error.getMessage().contains("No PostgreSQL for tests"), error.getMessage());
            assertTrue(error.getMessage().contains("DXCP_TEST_DB_URL"), error.getMessage());
        } finally {
            restore(TestSettings.PROVIDER, saved);
            restore(TestSettings.URL, savedUrl);
        }
    }

    private static void restore(String name, String value) {
        if (value == null) {
            System.clearProperty(name);
        } else {
            System.setProperty(name, value);
        }
    }

    private void execute(String url, String sql) throws SQLException {
        try (Connection connection = postgres.connect(url); Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    private String query(String url, String sql) throws SQLException {
        try (Connection connection = postgres.connect(url);
             Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery(sql)) {
            assertTrue(rows.next(), "no row for " + sql);
            return rows.getString(1);
        }
    }
}
