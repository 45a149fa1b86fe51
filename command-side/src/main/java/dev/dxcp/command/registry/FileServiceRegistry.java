package dev.dxcp.command.registry;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.dxcp.events.registry.ServiceEntry;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Supplier;

/**
 * Reads the registry from a JSON file: either an array of entries or {@code {"services":[...]}}.
 * The file is re-read when its modification time changes (checked at most once a second), so edits
 * apply without a restart (domain §15). Invalid entries are skipped with a warning, never fatal.
 */
public class FileServiceRegistry implements ServiceRegistry {
    private static final Logger log = LoggerFactory.getLogger(FileServiceRegistry.class);
    private static final long RECHECK_MILLIS = 1000;

    private final Supplier<InputStream> source;
    private final Path file;
    private final ObjectMapper mapper = new ObjectMapper();
    private volatile List<ServiceEntry> entries = List.of();
    private volatile FileTime loadedVersion;
    private volatile long lastCheck;

    private FileServiceRegistry(Path file, Supplier<InputStream> source) {
        this.file = file;
        this.source = source;
    }

    public static FileServiceRegistry fromFile(Path file) {
        FileServiceRegistry registry = new FileServiceRegistry(file, null);
        registry.reloadIfChanged(true);
        return registry;
    }

    /** A fixed registry from the classpath (the embedded demo services). */
    public static FileServiceRegistry fromClasspath(String resource) {
        FileServiceRegistry registry = new FileServiceRegistry(null,
                () -> FileServiceRegistry.class.getClassLoader().getResourceAsStream(resource));
        try (InputStream in = registry.source.get()) {
            if (in == null) {
                throw new IllegalStateException("Service registry resource not found: " + resource);
            }
            registry.entries = registry.parse(registry.mapper.readTree(in));
        } catch (IOException e) {
            throw new IllegalStateException("Unreadable service registry resource " + resource, e);
        }
        return registry;
    }

    @Override
    public List<ServiceEntry> all() {
        if (file != null) {
            reloadIfChanged(false);
        }
        return entries;
    }

    private void reloadIfChanged(boolean force) {
        long now = System.currentTimeMillis();
        if (!force && now - lastCheck < RECHECK_MILLIS) {
            return;
        }
        synchronized (this) {
            lastCheck = now;
            try {
                FileTime modified = Files.getLastModifiedTime(file);
                if (!force && modified.equals(loadedVersion)) {
                    return;
                }
                entries = parse(mapper.readTree(file.toFile()));
                loadedVersion = modified;
                log.info("event=service_registry_loaded file={} services={}", file.getFileName(), entries.size());
            } catch (IOException e) {
                if (force) {
                    throw new IllegalStateException("Cannot read service registry " + file, e);
                }
                log.warn("event=service_registry_unreadable file={} error=\"{}\" keeping={}", file.getFileName(),
                        e.getMessage(), entries.size());
            }
        }
    }

    private List<ServiceEntry> parse(JsonNode root) {
        JsonNode list = root.isArray() ? root : root.path("services");
        List<ServiceEntry> parsed = new ArrayList<>();
        for (JsonNode node : list) {
            String name = node.path("service_name").asText("").trim();
            if (name.isEmpty() || !node.isObject()) {
                log.warn("event=service_registry_entry_skipped reason=missing_service_name");
                continue;
            }
            parsed.add(new ServiceEntry(name, strings(node.get("allowed_environments")),
                    strings(node.get("allowed_recipes")), strings(node.get("allowed_artifact_sources")),
                    text(node.get("stable_service_url_template")), text(node.get("backstage_entity_ref")),
                    text(node.get("backstage_entity_url"))));
        }
        parsed.sort(Comparator.comparing(ServiceEntry::serviceName));
        return List.copyOf(parsed);
    }

    private static List<String> strings(JsonNode node) {
        List<String> values = new ArrayList<>();
        if (node != null && node.isArray()) {
            node.forEach(item -> {
                if (item.isTextual() && !item.asText().isBlank()) {
                    values.add(item.asText().trim());
                }
            });
        }
        return values;
    }

    private static String text(JsonNode node) {
        return node == null || node.isNull() ? null : node.asText();
    }
}
