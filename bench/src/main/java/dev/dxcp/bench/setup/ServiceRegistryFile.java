package dev.dxcp.bench.setup;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** The DXCP_SERVICE_REGISTRY_FILE of a run: every service of the topology, allowed the bench recipe. */
public final class ServiceRegistryFile {
    private ServiceRegistryFile() {
    }

    public static Path write(Path dir, Topology topology) {
        ObjectMapper json = new ObjectMapper();
        ObjectNode root = json.createObjectNode();
        ArrayNode services = root.putArray("services");
        for (Topology.Group group : topology.allGroups()) {
            for (String service : group.services()) {
                ObjectNode entry = services.addObject();
                entry.put("service_name", service);
                entry.putArray("allowed_environments").add(Topology.ENVIRONMENT);
                ArrayNode recipes = entry.putArray("allowed_recipes");
                List.of("default", BenchConfiguration.RECIPE).forEach(recipes::add);
                entry.putArray("allowed_artifact_sources");
            }
        }
        Path file = dir.resolve("services.json");
        try {
            Files.writeString(file, json.writeValueAsString(root));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return file;
    }
}
