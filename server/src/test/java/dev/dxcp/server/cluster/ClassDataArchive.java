package dev.dxcp.server.cluster;

import dev.dxcp.server.process.ServerProcess;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The cluster test starts server JVMs nine times on a small machine; most of a start is loading classes.
 * This is the server jar extracted (Spring Boot's {@code -Djarmode=tools extract}) with an application
 * class-data archive recorded by one training start that exits once the context is refreshed, the way
 * Spring Boot documents CDS. Starting from it takes about half the CPU time. It is made once per packaged
 * jar under {@code target/cds/}; if making it fails, the plain jar is used.
 */
final class ClassDataArchive {
    private final Path jar;
    private final List<String> jvmOptions;

    private ClassDataArchive(Path jar, List<String> jvmOptions) {
        this.jar = jar;
        this.jvmOptions = jvmOptions;
    }

    Path jar() {
        return jar;
    }

    /** The given options plus the archive's. */
    List<String> jvmOptions(List<String> base) {
        List<String> options = new ArrayList<>(base);
        options.addAll(jvmOptions);
        return options;
    }

    /** Trains on {@code settings} (a database of its own: the training start migrates it). */
    static ClassDataArchive forServer(Map<String, String> settings, List<String> baseOptions) {
        Path packaged = ServerProcess.jar();
        try {
            Path dir = Path.of("target", "cds", Files.size(packaged) + "-" + Files.getLastModifiedTime(packaged).toMillis());
            Path extracted = dir.resolve("app").resolve(packaged.getFileName());
            Path archive = dir.resolve("app.jsa");
            if (!Files.exists(archive)) {
                long started = System.nanoTime();
                deleteRecursively(dir);
                run(dir, List.of(ServerProcess.javaBinary(), "-Djarmode=tools", "-jar", packaged.toString(), "extract",
                        "--destination", dir.resolve("app").toString()), Map.of());
                List<String> training = new ArrayList<>(List.of(ServerProcess.javaBinary()));
                training.addAll(baseOptions);
                training.addAll(List.of("-XX:ArchiveClassesAtExit=" + archive, "-Dspring.context.exit=onRefresh",
                        "-jar", extracted.toString()));
                Map<String, String> environment = new java.util.HashMap<>(settings);
                environment.put("SERVER_PORT", "0");
                run(dir, training, environment);
                System.out.println("cluster: class-data archive made in " + (System.nanoTime() - started) / 1_000_000 + " ms");
            }
            if (Files.exists(archive) && Files.exists(extracted)) {
                return new ClassDataArchive(extracted, List.of("-XX:SharedArchiveFile=" + archive));
            }
        } catch (IOException | RuntimeException e) {
            System.out.println("cluster: no class-data archive (" + e.getMessage() + "); starting the plain jar");
        }
        return new ClassDataArchive(packaged, List.of());
    }

    private static void deleteRecursively(Path dir) throws IOException {
        if (Files.exists(dir)) {
            try (var paths = Files.walk(dir)) {
                for (Path path : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                    Files.delete(path);
                }
            }
        }
    }

    private static void run(Path dir, List<String> command, Map<String, String> environment) throws IOException {
        Files.createDirectories(dir);
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(dir.resolve("archive.log").toFile()));
        builder.environment().putAll(environment);
        Process process = builder.start();
        try {
            if (!process.waitFor(180, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException("timed out: " + command);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        if (process.exitValue() != 0) {
            throw new IllegalStateException("exit " + process.exitValue() + " of " + command + ", see " + dir.resolve("archive.log"));
        }
    }
}
