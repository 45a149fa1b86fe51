package dev.dxcp.query.operations;

import java.util.List;
import java.util.function.Function;

/**
 * A read model that can be rebuilt without an outage: its live processor's name, the reader-facing
 * names of its tables (views over the active generation), and how to make a handler instance that
 * writes a given generation (the same class the live processor runs, so a rebuild applies the same rules).
 */
public record RebuildableProjection(String name, List<String> tables, Function<GenerationTarget, Object> handlers) {
    /** The temporary processor that replays into the inactive generation. */
    public String rebuildProcessorName() {
        return name + ".rebuild";
    }
}
