package dev.dxcp.bench.rig;

import dev.dxcp.testsupport.postgres.PostgresBinaries;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A PostgreSQL of the benchmark's own: test-support's {@code TestPostgresMain} in a child JVM (it runs
 * the server as the {@code postgres} OS user when we are root, and deletes the cluster when stopped).
 * It prints the admin JDBC URL and the credentials on its first two lines.
 */
public final class PostgresProcess implements AutoCloseable {
    private static final long START_TIMEOUT_SECONDS = 120;

    private final ChildProcess child;
    private final String adminUrl;
    private final String user;
    private final String password;

    private PostgresProcess(ChildProcess child, String adminUrl, String user, String password) {
        this.child = child;
        this.adminUrl = adminUrl;
        this.user = user;
        this.password = password;
    }

    public static PostgresProcess start(Path logDir) {
        List<String> command = List.of(ChildProcess.javaLauncher(), "-Xmx64m", "-cp",
                System.getProperty("java.class.path"), "dev.dxcp.testsupport.postgres.TestPostgresMain");
        ChildProcess child = ChildProcess.startReadingOutput("postgresql", command, logDir.resolve("postgres.log"));
        try {
            BufferedReader out = new BufferedReader(new InputStreamReader(child.process().getInputStream(),
                    StandardCharsets.UTF_8));
            String url = readLine(out, child);
            String credentials = readLine(out, child);
            String user = credentials.replaceFirst("^user=(\\S+) .*$", "$1");
            String password = credentials.replaceFirst("^.* password=(\\S+)$", "$1");
            // Keep draining stdout so the child never blocks on a full pipe.
            Thread drain = new Thread(() -> out.lines().forEach(line -> { }), "postgres-stdout");
            drain.setDaemon(true);
            drain.start();
            return new PostgresProcess(child, url, user, password);
        } catch (RuntimeException e) {
            child.close();
            throw e;
        }
    }

    private static String readLine(BufferedReader out, ChildProcess child) {
        CompletableFuture<String> line = CompletableFuture.supplyAsync(() -> {
            try {
                return out.readLine();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        try {
            String text = line.get(START_TIMEOUT_SECONDS, TimeUnit.SECONDS);
            if (text == null) {
                throw new IllegalStateException("PostgreSQL did not start; see " + child.log());
            }
            return text.trim();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("PostgreSQL did not start in time; see " + child.log(), e);
        }
    }

    public String user() {
        return user;
    }

    public String password() {
        return password;
    }

    public String host() {
        return URI.create(adminUrl.substring("jdbc:".length())).getHost();
    }

    public int port() {
        return URI.create(adminUrl.substring("jdbc:".length())).getPort();
    }

    public String jdbcUrl(String database) {
        return "jdbc:postgresql://" + host() + ":" + port() + "/" + database;
    }

    public Connection connect(String database) throws SQLException {
        return DriverManager.getConnection(jdbcUrl(database), user, password);
    }

    public void createDatabase(String name) {
        try (Connection admin = DriverManager.getConnection(adminUrl, user, password);
             Statement statement = admin.createStatement()) {
            statement.execute("CREATE DATABASE \"" + name + "\"");
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create database " + name, e);
        }
    }

    /** pgbench of the same installation the server runs from. */
    public Path pgbench() {
        return PostgresBinaries.discover().map(dir -> dir.resolve("pgbench"))
                .orElseThrow(() -> new IllegalStateException("no PostgreSQL binaries found for pgbench"));
    }

    @Override
    public void close() {
        child.close();
    }
}
