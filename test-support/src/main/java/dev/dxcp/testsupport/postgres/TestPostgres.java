package dev.dxcp.testsupport.postgres;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The PostgreSQL server tests run against: one per JVM, started on first use, stopped by a shutdown
 * hook. Tests isolate themselves with {@link #createDatabase(String)} rather than sharing tables.
 *
 * <p>Where the server comes from, first match wins: {@code DXCP_TEST_DB_URL} (an existing server),
 * Docker (a {@code postgres:15} Testcontainer), local PostgreSQL binaries. With none of them the
 * call fails: a suite without a database must go red, never skip quietly.
 */
public final class TestPostgres {

    private static final System.Logger LOG = System.getLogger(TestPostgres.class.getName());
    private static final Object LOCK = new Object();
    private static TestPostgres shared;
    private static RuntimeException sharedFailure;

    private final PostgresServer server;
    private final Duration startupTime;
    private final AtomicInteger databaseCounter = new AtomicInteger();

    private TestPostgres(PostgresServer server, Duration startupTime) {
        this.server = server;
        this.startupTime = startupTime;
    }

    /** The JVM-wide server; the first call provisions it (a failure is remembered, not retried per test). */
    public static TestPostgres shared() {
        synchronized (LOCK) {
            if (shared == null && sharedFailure == null) {
                try {
                    shared = provision();
                    TestPostgres started = shared;
                    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                        ApplicationShutdownHooks.awaitSpringContexts();
                        started.server.destroy();
                    }, "dxcp-test-postgres-stop"));
                } catch (RuntimeException e) {
                    sharedFailure = e;
                }
            }
            if (sharedFailure != null) {
                throw new IllegalStateException("Test PostgreSQL unavailable: " + sharedFailure.getMessage(), sharedFailure);
            }
            return shared;
        }
    }

    /** A server from local binaries on a given port and data directory, kept after stop (used by {@link TestPostgresMain}). */
    static TestPostgres startLocal(int port, Path dataDir) {
        Path binDir = PostgresBinaries.discover().orElseThrow(() -> new IllegalStateException(noBinariesMessage()));
        long start = System.nanoTime();
        LocalServer server = LocalServer.provision(binDir, port, dataDir);
        return started(server, start);
    }

    static TestPostgres provision() {
        String provider = TestSettings.lookup(TestSettings.PROVIDER).orElse("auto").toLowerCase(Locale.ROOT);
        long start = System.nanoTime();
        var url = TestSettings.lookup(TestSettings.URL);
        if (url.isPresent() && (provider.equals("auto") || provider.equals("external"))) {
            return started(new ExternalServer(url.get(), TestSettings.lookup(TestSettings.USER).orElse(TestSettings.ROLE),
                    TestSettings.lookup(TestSettings.PASSWORD).orElse(TestSettings.ROLE_PASSWORD)), start);
        }
        if ((provider.equals("auto") || provider.equals("docker")) && DockerProbe.dockerAvailable()) {
            return started(ContainerServer.provision(), start);
        }
        if (provider.equals("auto") || provider.equals("local")) {
            var binDir = PostgresBinaries.discover();
            if (binDir.isPresent()) {
                return started(LocalServer.provision(binDir.get(), 0, null), start);
            }
        }
        throw new IllegalStateException("No PostgreSQL for tests (provider=" + provider + "): " + TestSettings.URL
                + " is not set, Docker is not available, and " + noBinariesMessage());
    }

    private static String noBinariesMessage() {
        return "no PostgreSQL server binaries were found (looked at " + TestSettings.PG_BIN
                + ", pg_config --bindir, /usr/lib/postgresql/<version>/bin, PATH). Install the server package"
                + " (Debian: apt-get install postgresql) or point " + TestSettings.URL + " at a server.";
    }

    private static TestPostgres started(PostgresServer server, long startNanos) {
        try {
            Readiness.awaitConnectable(jdbcUrl(server, server.adminDatabase()), server.user(), server.password(),
                    Duration.ofSeconds(60));
        } catch (RuntimeException e) {
            server.destroy();
            throw e;
        }
        Duration took = Duration.ofNanos(System.nanoTime() - startNanos);
        LOG.log(System.Logger.Level.INFO, "Test PostgreSQL ready in " + took.toMillis() + " ms on "
                + server.host() + ":" + server.port() + ": " + server.description());
        return new TestPostgres(server, took);
    }

    public String adminJdbcUrl() {
        return jdbcUrl(server.adminDatabase());
    }

    public String jdbcUrl(String database) {
        return jdbcUrl(server, database);
    }

    private static String jdbcUrl(PostgresServer server, String database) {
        return "jdbc:postgresql://" + server.host() + ":" + server.port() + "/" + database;
    }

    public String user() {
        return server.user();
    }

    public String password() {
        return server.password();
    }

    public String host() {
        return server.host();
    }

    public int port() {
        return server.port();
    }

    /** Where the server lives, for logs and failure messages. */
    public String description() {
        return server.description();
    }

    /** How long provisioning took, from the first call to a connectable server. */
    public Duration startupTime() {
        return startupTime;
    }

    public Connection connect(String jdbcUrl) throws SQLException {
        return DriverManager.getConnection(jdbcUrl, user(), password());
    }

    /**
     * Creates an empty database with a unique name starting with {@code prefix} and returns its JDBC
     * URL. One per Spring context or test class keeps tests from seeing each other's rows.
     */
    public String createDatabase(String prefix) {
        String name = uniqueName(prefix);
        executeAsAdmin("CREATE DATABASE \"" + name + "\"");
        return jdbcUrl(name);
    }

    /** Drops a database, disconnecting whoever still uses it (PostgreSQL 13+). */
    public void dropDatabase(String name) {
        executeAsAdmin("DROP DATABASE IF EXISTS \"" + name.replace("\"", "") + "\" WITH (FORCE)");
    }

    private String uniqueName(String prefix) {
        String clean = (prefix == null ? "" : prefix).toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9_]", "_");
        if (clean.isEmpty() || !Character.isLetter(clean.charAt(0))) {
            clean = "db_" + clean;
        }
        clean = clean.substring(0, Math.min(clean.length(), 40));
        String suffix = databaseCounter.incrementAndGet() + "_" + UUID.randomUUID().toString().substring(0, 8);
        return clean + "_" + suffix;
    }

    private void executeAsAdmin(String sql) {
        try (Connection connection = connect(adminJdbcUrl()); Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("Admin statement failed on " + description() + ": " + sql, e);
        }
    }

    /** Takes the server down (fast shutdown: open sessions are cut), for outage tests. */
    public void stopServer() {
        server.stop();
        LOG.log(System.Logger.Level.INFO, "Test PostgreSQL stopped (outage simulation)");
    }

    /** Brings the server back on the same port with the same data, so clients can reconnect. */
    public void startServer() {
        server.start();
        Readiness.awaitConnectable(adminJdbcUrl(), user(), password(), Duration.ofSeconds(60));
        LOG.log(System.Logger.Level.INFO, "Test PostgreSQL started again on port " + port());
    }

    public boolean isRunning() {
        return server.isRunning();
    }

    /** Local PostgreSQL programs (pgbench, psql, ...), wherever this JVM found them. */
    public Path binDir() {
        if (server instanceof LocalServer local) {
            return local.binDir();
        }
        return PostgresBinaries.discover().orElseThrow(() -> new IllegalStateException(noBinariesMessage()));
    }

    /**
     * Runs pgbench against this server: host, port and user are supplied, the arguments follow, and
     * the database name must be the last argument (e.g. {@code List.of("-i", "-s", "1", db)}).
     */
    public ProcessResult runPgbench(List<String> args) {
        return server.pgbench(args);
    }

    /** Stops and deletes the server now; only for servers not owned by {@link #shared()}. */
    void destroy() {
        server.destroy();
    }
}
