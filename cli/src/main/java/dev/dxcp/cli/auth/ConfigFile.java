package dev.dxcp.cli.auth;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dxcp.cli.CliContext;
import dev.dxcp.cli.CliFailure;
import dev.dxcp.cli.ExitCode;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;

/**
 * The user's dxcp config: named contexts (server URL, how to obtain a token, the cached token) and the
 * current one. Written owner-only (0600) because it holds bearer tokens; client secrets are never
 * written to it (decision in docs/DECISIONS.md).
 *
 * <pre>{"current_context":"local","contexts":{"local":{"server":"http://localhost:8080",
 *   "auth":{"mode":"embedded","role":"admin"},"token":"…","expires_at":1767225600}}}</pre>
 */
public final class ConfigFile {
    private final Path path;

    public ConfigFile(Path path) {
        this.path = path;
    }

    public Path path() {
        return path;
    }

    public ObjectNode read() {
        if (!Files.exists(path)) {
            ObjectNode empty = CliContext.JSON.createObjectNode();
            empty.putObject("contexts");
            return empty;
        }
        try {
            JsonNode node = CliContext.JSON.readTree(path.toFile());
            if (!(node instanceof ObjectNode object)) {
                throw new CliFailure(ExitCode.ERROR, "Config file " + path + " is not a JSON object");
            }
            if (!object.path("contexts").isObject()) {
                object.putObject("contexts");
            }
            return object;
        } catch (IOException e) {
            throw new CliFailure(ExitCode.ERROR, "Cannot read config file " + path + ": " + e.getMessage(), e);
        }
    }

    /** The named context, or the current one when name is null. */
    public Optional<ObjectNode> context(String name) {
        ObjectNode config = read();
        String selected = name != null ? name : config.path("current_context").asText(null);
        if (selected == null) {
            return Optional.empty();
        }
        JsonNode context = config.path("contexts").path(selected);
        return context instanceof ObjectNode object ? Optional.of(object) : Optional.empty();
    }

    public String currentName() {
        return read().path("current_context").asText(null);
    }

    public List<String> names() {
        List<String> names = new ArrayList<>();
        Iterator<String> it = read().path("contexts").fieldNames();
        it.forEachRemaining(names::add);
        return names;
    }

    public void saveContext(String name, ObjectNode context, boolean makeCurrent) {
        ObjectNode config = read();
        ((ObjectNode) config.path("contexts")).set(name, context);
        if (makeCurrent || !config.hasNonNull("current_context")) {
            config.put("current_context", name);
        }
        write(config);
    }

    public void use(String name) {
        ObjectNode config = read();
        if (!config.path("contexts").has(name)) {
            throw new CliFailure(ExitCode.NOT_FOUND, "No context named " + name + " in " + path);
        }
        config.put("current_context", name);
        write(config);
    }

    public void delete(String name) {
        ObjectNode config = read();
        if (((ObjectNode) config.path("contexts")).remove(name) == null) {
            throw new CliFailure(ExitCode.NOT_FOUND, "No context named " + name + " in " + path);
        }
        if (name.equals(config.path("current_context").asText(null))) {
            config.remove("current_context");
        }
        write(config);
    }

    private void write(ObjectNode config) {
        try {
            Files.createDirectories(path.getParent());
            Path temporary = Files.createTempFile(path.getParent(), ".config", ".json");
            try {
                Files.setPosixFilePermissions(temporary, PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException notPosix) {
                // Windows: the user's profile directory is private already.
            }
            CliContext.JSON.writerWithDefaultPrettyPrinter().writeValue(temporary.toFile(), config);
            Files.move(temporary, path, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new CliFailure(ExitCode.ERROR, "Cannot write config file " + path + ": " + e.getMessage(), e);
        }
    }
}
