package dev.dxcp.testsupport.postgres;

import java.net.URI;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.time.Duration;

/**
 * A server someone else runs, named by {@code DXCP_TEST_DB_URL}. We do not own its lifecycle, so
 * outage control is refused rather than faked.
 */
final class ExternalServer implements PostgresServer {

    private final String jdbcUrl;
    private final String host;
    private final int port;
    private final String database;
    private final String user;
    private final String password;

    ExternalServer(String jdbcUrl, String user, String password) {
        if (!jdbcUrl.startsWith("jdbc:postgresql://")) {
            throw new IllegalArgumentException(TestSettings.URL + " must look like jdbc:postgresql://host:port/db, was " + jdbcUrl);
        }
        URI uri = URI.create(jdbcUrl.substring("jdbc:".length()));
        this.jdbcUrl = jdbcUrl;
        this.host = uri.getHost();
        this.port = uri.getPort() > 0 ? uri.getPort() : 5432;
        String path = uri.getPath() == null ? "" : uri.getPath().replaceFirst("^/", "");
        this.database = path.isEmpty() ? TestSettings.ADMIN_DATABASE : path;
        this.user = user;
        this.password = password;
    }

    @Override
    public String description() {
        return "external PostgreSQL at " + jdbcUrl + " (from " + TestSettings.URL + ")";
    }

    @Override
    public String host() {
        return host;
    }

    @Override
    public int port() {
        return port;
    }

    @Override
    public String user() {
        return user;
    }

    @Override
    public String password() {
        return password;
    }

    @Override
    public String adminDatabase() {
        return database;
    }

    @Override
    public void stop() {
        throw new UnsupportedOperationException("Outage tests need a server this JVM owns; unset " + TestSettings.URL);
    }

    @Override
    public void start() {
        stop();
    }

    @Override
    public boolean isRunning() {
        try (Connection ignored = DriverManager.getConnection(jdbcUrl, user, password)) {
            return true;
        } catch (SQLException e) {
            return false;
        }
    }

    @Override
    public ProcessResult pgbench(List<String> args) {
        var binDir = PostgresBinaries.discover().orElseThrow(
                () -> new IllegalStateException("pgbench needs local PostgreSQL binaries; none found"));
        List<String> command = new ArrayList<>(List.of(binDir.resolve("pgbench").toString(), "-h", host,
                "-p", Integer.toString(port), "-U", user));
        command.addAll(args);
        return Commands.run(command, null, Map.of("PGPASSWORD", password), Duration.ofHours(1));
    }

    @Override
    public void destroy() {
        // not ours to stop
    }
}
