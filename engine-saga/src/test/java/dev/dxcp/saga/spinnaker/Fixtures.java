package dev.dxcp.saga.spinnaker;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Reads the recorded Gate documents from the shared folder beside the project (never copied into the
 * module): walks up from the working directory to the project root (the pom with artifactId
 * dxcp-parent), then looks for {@code shared/fixtures/spinnaker} inside it and beside it.
 */
public final class Fixtures {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Path DIR = locate();

    private Fixtures() {
    }

    public static JsonNode json(String fileName) {
        try {
            return JSON.readTree(DIR.resolve(fileName).toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static String text(String fileName) {
        try {
            return Files.readString(DIR.resolve(fileName));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static List<String> executionFiles() {
        try (var files = Files.list(DIR)) {
            return files.map(p -> p.getFileName().toString())
                    .filter(n -> n.startsWith("execution-") && n.endsWith(".json"))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Path locate() {
        Path start = Path.of("").toAbsolutePath();
        for (Path dir = start; dir != null; dir = dir.getParent()) {
            if (isProjectRoot(dir)) {
                for (Path candidate : List.of(dir.resolve("shared"), dir.resolveSibling("shared"))) {
                    Path fixtures = candidate.resolve("fixtures").resolve("spinnaker");
                    if (Files.isDirectory(fixtures)) {
                        return fixtures;
                    }
                }
            }
        }
        for (String relative : List.of("../shared", "../../shared")) {
            Path fixtures = start.resolve(relative).resolve("fixtures").resolve("spinnaker").normalize();
            if (Files.isDirectory(fixtures)) {
                return fixtures;
            }
        }
        throw new IllegalStateException("shared/fixtures/spinnaker not found from " + start);
    }

    private static boolean isProjectRoot(Path dir) {
        Path pom = dir.resolve("pom.xml");
        try {
            if (!Files.isRegularFile(pom)) {
                return false;
            }
            // Module poms name dxcp-parent as their parent; only the root one also lists modules.
            String text = Files.readString(pom);
            return text.contains("<artifactId>dxcp-parent</artifactId>") && text.contains("<modules>");
        } catch (IOException e) {
            return false;
        }
    }
}
