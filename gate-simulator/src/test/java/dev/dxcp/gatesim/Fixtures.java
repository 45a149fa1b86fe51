package dev.dxcp.gatesim;

import com.fasterxml.jackson.databind.JsonNode;
import dev.dxcp.gatesim.json.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The shared Gate fixtures (shared/fixtures/spinnaker), found by walking up from the working
 * directory, and helpers to compare documents by structure rather than by ids and times.
 */
final class Fixtures {

    private static final Path DIRECTORY = locate();

    /** Fields current Orca emits that the 2019–2021 recorded samples predate (fixture README). */
    static final Set<String> NEWER_ORCA_FIELDS = Set.of("maxConcurrentExecutions", "taskExceptionDetails");

    private Fixtures() {
    }

    private static Path locate() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve("shared").resolve("fixtures").resolve("spinnaker");
            if (Files.isDirectory(candidate)) {
                return candidate;
            }
        }
        throw new IllegalStateException("shared/fixtures/spinnaker not found above " + Path.of("").toAbsolutePath());
    }

    static JsonNode load(String file) {
        try {
            return Json.parse(Files.readAllBytes(DIRECTORY.resolve(file)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Field names of one object (not recursive). */
    static Set<String> keys(JsonNode node) {
        Set<String> keys = new TreeSet<>();
        node.fieldNames().forEachRemaining(keys::add);
        return keys;
    }

    /** Every path below a node, arrays written as [] and their elements merged: the document's shape. */
    static Set<String> shape(JsonNode node) {
        Set<String> paths = new TreeSet<>();
        collect(node, "", paths);
        return paths;
    }

    private static void collect(JsonNode node, String prefix, Set<String> paths) {
        if (node.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> field = it.next();
                String path = prefix.isEmpty() ? field.getKey() : prefix + "." + field.getKey();
                paths.add(path);
                collect(field.getValue(), path, paths);
            }
        } else if (node.isArray()) {
            for (JsonNode element : node) {
                collect(element, prefix + "[]", paths);
            }
        }
    }

    static JsonNode stageNamed(JsonNode execution, String name) {
        for (JsonNode stage : execution.path("stages")) {
            if (name.equals(stage.path("name").asText())) {
                return stage;
            }
        }
        throw new AssertionError("No stage named " + name + " in " + execution);
    }

    static JsonNode stageWithStatus(JsonNode execution, String status) {
        for (JsonNode stage : execution.path("stages")) {
            if (status.equals(stage.path("status").asText())) {
                return stage;
            }
        }
        throw new AssertionError("No stage with status " + status + " in " + execution);
    }

    /** Does any object anywhere in the document hold a JSON null? Orca never emits one. */
    static boolean containsNull(JsonNode node) {
        if (node.isObject()) {
            for (Iterator<JsonNode> it = node.elements(); it.hasNext(); ) {
                JsonNode value = it.next();
                if (value.isNull() || containsNull(value)) {
                    return true;
                }
            }
        } else if (node.isArray()) {
            for (JsonNode element : node) {
                if (containsNull(element)) {
                    return true;
                }
            }
        }
        return false;
    }
}
