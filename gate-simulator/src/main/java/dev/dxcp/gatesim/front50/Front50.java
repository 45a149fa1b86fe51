package dev.dxcp.gatesim.front50;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dxcp.gatesim.json.Json;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The configuration store behind Gate: applications and pipeline configs. Seeded from the
 * simulator's own resources; tests may add more. Thread-safe.
 */
public final class Front50 {

    private static final String SEED = "/dev/dxcp/gatesim/seed/";

    private final Map<String, ObjectNode> applications = new LinkedHashMap<>();
    private final List<ObjectNode> pipelineConfigs = new ArrayList<>();

    public static Front50 seeded() {
        Front50 front50 = new Front50();
        front50.loadSeed();
        return front50;
    }

    public synchronized void reset() {
        applications.clear();
        pipelineConfigs.clear();
        loadSeed();
    }

    private void loadSeed() {
        readSeed("applications.json").forEach(app -> putApplication((ObjectNode) app));
        readSeed("pipeline-configs.json").forEach(config -> pipelineConfigs.add(((ObjectNode) config).deepCopy()));
    }

    private static JsonNode readSeed(String file) {
        InputStream in = Front50.class.getResourceAsStream(SEED + file);
        if (in == null) {
            throw new IllegalStateException("Seed resource missing: " + file);
        }
        return Json.read(in);
    }

    /** Adds or replaces an application (matched by name, case-insensitively). */
    public synchronized void putApplication(ObjectNode application) {
        String name = Json.text(application, "name");
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("An application needs a name");
        }
        ObjectNode copy = application.deepCopy();
        // Gate always lower-cases application names (spec §2.5).
        copy.put("name", name.toLowerCase(Locale.ROOT));
        applications.put(name.toLowerCase(Locale.ROOT), copy);
    }

    /**
     * Adds or replaces a pipeline config (matched by id, else by application and name). Missing
     * Front50 bookkeeping fields (id, index, updateTs) are filled in.
     */
    public synchronized PipelineConfig putPipelineConfig(ObjectNode config) {
        ObjectNode copy = config.deepCopy();
        String application = Json.text(copy, "application");
        String name = Json.text(copy, "name");
        if (application == null || name == null) {
            throw new IllegalArgumentException("A pipeline config needs application and name");
        }
        if (Json.text(copy, "id") == null) {
            copy.put("id", UUID.randomUUID().toString());
        }
        pipelineConfigs.removeIf(existing -> Json.text(existing, "id").equals(Json.text(copy, "id"))
                || (application.equalsIgnoreCase(Json.text(existing, "application"))
                        && name.equals(Json.text(existing, "name"))));
        if (!copy.has("index")) {
            copy.put("index", pipelineConfigs.size());
        }
        if (!copy.has("updateTs")) {
            copy.put("updateTs", String.valueOf(System.currentTimeMillis()));
        }
        copy.putIfAbsent("stages", Json.array());
        copy.putIfAbsent("triggers", Json.array());
        copy.putIfAbsent("parameterConfig", Json.array());
        pipelineConfigs.add(copy);
        return new PipelineConfig(copy);
    }

    /** All applications as Gate's list shows them: flat attribute objects. */
    public synchronized List<ObjectNode> applications() {
        return applications.values().stream().map(ObjectNode::deepCopy).toList();
    }

    public synchronized Optional<ObjectNode> application(String name) {
        return Optional.ofNullable(applications.get(name.toLowerCase(Locale.ROOT))).map(ObjectNode::deepCopy);
    }

    /** The application's configs sorted by index then name, with index renumbered 0..n-1 (spec §2.6). */
    public synchronized List<ObjectNode> pipelineConfigs(String application) {
        List<ObjectNode> configs = pipelineConfigs.stream()
                .filter(config -> application.equalsIgnoreCase(Json.text(config, "application")))
                .sorted(Comparator.<ObjectNode>comparingInt(config -> config.path("index").asInt(Integer.MAX_VALUE))
                        .thenComparing(config -> Json.text(config, "name")))
                .map(ObjectNode::deepCopy)
                .toList();
        for (int i = 0; i < configs.size(); i++) {
            configs.get(i).put("index", i);
        }
        return configs;
    }

    /** Exact, case-sensitive name within the application (application matched case-insensitively). */
    public synchronized Optional<PipelineConfig> byName(String application, String name) {
        return pipelineConfigs.stream()
                .filter(config -> application.equalsIgnoreCase(Json.text(config, "application")))
                .filter(config -> name.equals(Json.text(config, "name")))
                .findFirst()
                .map(PipelineConfig::new);
    }

    /** By config id in any application: Gate's fallback lookup does not check the application. */
    public synchronized Optional<PipelineConfig> byId(String id) {
        return pipelineConfigs.stream()
                .filter(config -> id.equals(Json.text(config, "id")))
                .findFirst()
                .map(PipelineConfig::new);
    }

    /** Gate's trigger lookup (spec §2.2): by name within the application, then by id globally. */
    public Optional<PipelineConfig> forTrigger(String application, String nameOrId) {
        return byName(application, nameOrId).or(() -> byId(nameOrId));
    }
}
