package dev.dxcp.testsupport.postgres;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Finds a directory holding the PostgreSQL server programs. Nothing is hard-wired: an explicit
 * {@code DXCP_PG_BIN}, then {@code pg_config --bindir}, then Debian's versioned layout (highest
 * version first), then whatever directory on PATH has initdb.
 */
public final class PostgresBinaries {

    private static final List<String> SERVER_PROGRAMS = List.of("initdb", "pg_ctl", "postgres");
    /** Debian/Ubuntu install each major version side by side under this root. */
    private static final Path DEBIAN_VERSIONS_ROOT = Path.of("/usr/lib/postgresql");

    private PostgresBinaries() {
    }

    public static Optional<Path> discover() {
        for (Path candidate : candidates()) {
            if (hasServerPrograms(candidate)) {
                return Optional.of(candidate.toAbsolutePath().normalize());
            }
        }
        return Optional.empty();
    }

    /** True when the directory can run a server, not merely clients (pg_config may name a client-only dir). */
    public static boolean hasServerPrograms(Path dir) {
        return dir != null && SERVER_PROGRAMS.stream()
                .map(dir::resolve)
                .allMatch(p -> Files.isRegularFile(p) && Files.isExecutable(p));
    }

    private static List<Path> candidates() {
        List<Path> candidates = new ArrayList<>();
        TestSettings.lookup(TestSettings.PG_BIN).map(Path::of).ifPresent(candidates::add);
        fromPgConfig().ifPresent(candidates::add);
        candidates.addAll(debianVersionDirs());
        Path initdb = Commands.onPath("initdb");
        if (initdb != null) {
            candidates.add(initdb.toAbsolutePath().getParent());
        }
        return candidates;
    }

    private static Optional<Path> fromPgConfig() {
        if (Commands.onPath("pg_config") == null) {
            return Optional.empty();
        }
        try {
            ProcessResult result = Commands.run(List.of("pg_config", "--bindir"), null, Map.of(), Duration.ofSeconds(10));
            String dir = result.stdout().trim();
            return result.succeeded() && !dir.isEmpty() ? Optional.of(Path.of(dir)) : Optional.empty();
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }

    private static List<Path> debianVersionDirs() {
        if (!Files.isDirectory(DEBIAN_VERSIONS_ROOT)) {
            return List.of();
        }
        try (Stream<Path> versions = Files.list(DEBIAN_VERSIONS_ROOT)) {
            return versions
                    .filter(dir -> majorVersion(dir) >= 0)
                    .sorted(Comparator.comparingDouble(PostgresBinaries::majorVersion).reversed())
                    .map(dir -> dir.resolve("bin"))
                    .toList();
        } catch (IOException e) {
            return List.of();
        }
    }

    private static double majorVersion(Path dir) {
        try {
            return Double.parseDouble(dir.getFileName().toString());
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
