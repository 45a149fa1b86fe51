package dev.dxcp.testsupport.postgres;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * Asks Testcontainers whether Docker works, but only when there is a hint of a daemon: on a machine
 * without one its full probe logs a wall of errors and costs seconds, and CI has no Docker at all.
 */
final class DockerProbe {

    private static final long PROBE_TIMEOUT_SECONDS = 20;

    private DockerProbe() {
    }

    static boolean dockerAvailable() {
        if (!hintOfDocker()) {
            return false;
        }
        try {
            return CompletableFuture
                    .supplyAsync(() -> org.testcontainers.DockerClientFactory.instance().isDockerAvailable())
                    .get(PROBE_TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (Exception | LinkageError e) {
            return false;
        }
    }

    private static boolean hintOfDocker() {
        if (System.getenv("DOCKER_HOST") != null) {
            return true;
        }
        String home = System.getProperty("user.home", "");
        String runtimeDir = System.getenv("XDG_RUNTIME_DIR");
        return Files.exists(Path.of("/var/run/docker.sock"))
                || Files.exists(Path.of(home, ".testcontainers.properties"))
                || Files.exists(Path.of(home, ".docker", "run", "docker.sock"))
                || (runtimeDir != null && Files.exists(Path.of(runtimeDir, "docker.sock")));
    }
}
