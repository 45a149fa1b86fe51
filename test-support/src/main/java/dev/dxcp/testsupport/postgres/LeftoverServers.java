package dev.dxcp.testsupport.postgres;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Properties;
import java.util.stream.Stream;

/**
 * A JVM killed with SIGKILL never runs its shutdown hook, so its server keeps running (pg_ctl
 * daemonises it) and its data stays in temp. Before starting a new server we stop such orphans and
 * delete their scratch directories, so a CI machine that is reused does not fill up with them.
 * Directories whose owner is alive, or that carry no marker, are left alone.
 */
final class LeftoverServers {

    private static final System.Logger LOG = System.getLogger(LeftoverServers.class.getName());

    private LeftoverServers() {
    }

    static void reap(Path binDir, ServerOsUser osUser) {
        Path tmp = Path.of(System.getProperty("java.io.tmpdir"));
        try (Stream<Path> entries = Files.list(tmp)) {
            entries.filter(p -> p.getFileName().toString().startsWith(ScratchDir.PREFIX))
                    .filter(Files::isDirectory)
                    .forEach(dir -> reapOne(dir, binDir, osUser));
        } catch (IOException | RuntimeException e) {
            LOG.log(System.Logger.Level.DEBUG, "Skipping leftover cleanup: " + e);
        }
    }

    private static void reapOne(Path scratch, Path binDir, ServerOsUser osUser) {
        Properties marker = ScratchDir.readMarker(scratch).orElse(null);
        if (marker == null || ScratchDir.ownerAlive(marker)) {
            return;
        }
        Path dataDir = Path.of(marker.getProperty("dataDir", scratch.resolve("data").toString()));
        if (Files.exists(dataDir.resolve("postmaster.pid"))) {
            LOG.log(System.Logger.Level.INFO, "Stopping orphaned test PostgreSQL in " + dataDir);
            osUser.run(List.of(binDir.resolve("pg_ctl").toString(), "-D", dataDir.toString(), "-m", "immediate",
                    "-w", "-t", "20", "stop"), scratch, Duration.ofSeconds(30));
        }
        if (Boolean.parseBoolean(marker.getProperty("ownsDataDir", "true"))) {
            ScratchDir.deleteRecursively(dataDir);
        }
        ScratchDir.deleteRecursively(scratch);
    }
}
