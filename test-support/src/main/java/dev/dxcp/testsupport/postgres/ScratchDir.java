package dev.dxcp.testsupport.postgres;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.Comparator;
import java.util.Optional;
import java.util.Properties;
import java.util.stream.Stream;

/**
 * A per-server temporary directory (socket, log, usually the data) with a marker naming the JVM that
 * owns it, so a later run can recognise and clean up what a killed run left behind.
 */
final class ScratchDir {

    static final String PREFIX = "dxcp-pg-";
    private static final String MARKER = "owner.properties";

    private final Path root;

    private ScratchDir(Path root) {
        this.root = root;
    }

    static ScratchDir create(Path dataDir, boolean ownsDataDir) {
        try {
            Path root = Files.createTempDirectory(PREFIX);
            ProcessHandle self = ProcessHandle.current();
            Properties marker = new Properties();
            marker.setProperty("pid", Long.toString(self.pid()));
            marker.setProperty("started", self.info().startInstant().map(Instant::toString).orElse(""));
            marker.setProperty("dataDir", (dataDir == null ? root.resolve("data") : dataDir).toString());
            marker.setProperty("ownsDataDir", Boolean.toString(ownsDataDir));
            // Written aside, then moved in one step: another test JVM cleaning up leftovers at this moment
            // must never read a half-written marker, take its owner for dead and delete this directory.
            Path written = root.resolve(MARKER + ".new");
            try (Writer out = Files.newBufferedWriter(written)) {
                marker.store(out, "DXCP test PostgreSQL scratch directory");
            }
            Files.move(written, root.resolve(MARKER), StandardCopyOption.ATOMIC_MOVE);
            return new ScratchDir(root);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create a scratch directory for the test PostgreSQL", e);
        }
    }

    static Optional<Properties> readMarker(Path root) {
        Path marker = root.resolve(MARKER);
        if (!Files.isRegularFile(marker)) {
            return Optional.empty();
        }
        try (Reader in = Files.newBufferedReader(marker)) {
            Properties properties = new Properties();
            properties.load(in);
            return Optional.of(properties);
        } catch (IOException | IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /**
     * True while the JVM recorded in the marker is still alive (pid and start time both match). A marker
     * without a pid is not taken for a dead owner's: it proves nothing.
     */
    static boolean ownerAlive(Properties marker) {
        if (marker.getProperty("pid") == null) {
            return true;
        }
        try {
            long pid = Long.parseLong(marker.getProperty("pid", ""));
            String started = marker.getProperty("started", "");
            return ProcessHandle.of(pid)
                    .filter(ProcessHandle::isAlive)
                    .map(p -> started.isEmpty() || p.info().startInstant().map(Instant::toString).orElse("").equals(started))
                    .orElse(false);
        } catch (NumberFormatException e) {
            return false;
        }
    }

    Path root() {
        return root;
    }

    static void deleteRecursively(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> {
                try {
                    Files.deleteIfExists(path);
                } catch (IOException ignored) {
                    // best effort: temp dirs are cleaned by the OS eventually
                }
            });
        } catch (IOException | UncheckedIOException ignored) {
            // same
        }
    }
}
