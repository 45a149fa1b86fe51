package dev.dxcp.bench.rig;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/** A temporary directory for the run (server data, service registry), deleted when the run ends. */
public final class ScratchSpace implements AutoCloseable {
    private final Path root;

    private ScratchSpace(Path root) {
        this.root = root;
    }

    public static ScratchSpace create() {
        try {
            return new ScratchSpace(Files.createTempDirectory("dxcp-bench-"));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a temporary directory", e);
        }
    }

    public Path root() {
        return root;
    }

    public Path dir(String name) {
        try {
            return Files.createDirectories(root.resolve(name));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        try (Stream<Path> paths = Files.walk(root)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException | UncheckedIOException e) {
            System.err.println("could not delete " + root + ": " + e);
        }
    }
}
