package dev.dxcp.query.operations;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The projections this server can rebuild, by processor name. */
public class ProjectionCatalog {
    private final Map<String, RebuildableProjection> projections = new LinkedHashMap<>();

    public ProjectionCatalog(List<RebuildableProjection> projections) {
        projections.forEach(p -> this.projections.put(p.name(), p));
    }

    public Optional<RebuildableProjection> find(String name) {
        return Optional.ofNullable(projections.get(name));
    }

    public List<RebuildableProjection> all() {
        return List.copyOf(projections.values());
    }
}
