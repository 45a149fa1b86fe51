package dev.dxcp.bench.phase;

import dev.dxcp.bench.rig.PostgresProcess;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The ceiling every DXCP write figure is compared with: the same PostgreSQL, with the same settings the
 * server's connections get (synchronous_commit etc. are server defaults, untouched by DXCP), committing
 * one single-row INSERT per transaction, measured with pgbench. The row is about an event's size.
 */
public final class InsertCeiling {
    public static final String DATABASE = "insert_ceiling";
    private static final Pattern TPS = Pattern.compile("tps = ([0-9.]+)");
    private static final Pattern LATENCY = Pattern.compile("latency average = ([0-9.]+) ms");

    /** Transactions per second and pgbench's average latency at one concurrency. */
    public record Ceiling(int clients, double transactionsPerSecond, double averageLatencyMillis) {
    }

    private final PostgresProcess postgres;
    private final Path workDir;

    public InsertCeiling(PostgresProcess postgres, Path workDir) {
        this.postgres = postgres;
        this.workDir = workDir;
    }

    public void prepare() {
        postgres.createDatabase(DATABASE);
        try (Connection connection = postgres.connect(DATABASE); Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE single_row_insert (id BIGSERIAL PRIMARY KEY, payload BYTEA NOT NULL, "
                    + "created_at TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now())");
        } catch (SQLException e) {
            throw new IllegalStateException("cannot prepare the insert ceiling table", e);
        }
    }

    public Ceiling measure(int clients, Duration duration) {
        Path script = workDir.resolve("single-row-insert.sql");
        try {
            // 600 bytes: the size of a typical DXCP event payload with its metadata.
            Files.writeString(script, "INSERT INTO single_row_insert (payload) VALUES (convert_to(repeat('x', 600), "
                    + "'UTF8'));\n");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<String> command = new ArrayList<>(List.of(postgres.pgbench().toString(), "-h", postgres.host(), "-p",
                Integer.toString(postgres.port()), "-U", postgres.user(), "-n", "-c", Integer.toString(clients),
                "-j", Integer.toString(Math.min(clients, Runtime.getRuntime().availableProcessors())),
                "-T", Long.toString(duration.toSeconds()), "-f", script.toString(), DATABASE));
        String output = run(command);
        return new Ceiling(clients, number(TPS, output), number(LATENCY, output));
    }

    private String run(List<String> command) {
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().put("PGPASSWORD", postgres.password());
        try {
            Process process = builder.start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(10, TimeUnit.MINUTES) || process.exitValue() != 0) {
                throw new IllegalStateException("pgbench failed:\n" + output);
            }
            return output;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot run pgbench", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static double number(Pattern pattern, String output) {
        Matcher matcher = pattern.matcher(output);
        if (!matcher.find()) {
            throw new IllegalStateException("unexpected pgbench output:\n" + output);
        }
        return Double.parseDouble(matcher.group(1).replace(",", "").toLowerCase(Locale.ROOT));
    }
}
