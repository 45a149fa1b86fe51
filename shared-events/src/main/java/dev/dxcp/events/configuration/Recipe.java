package dev.dxcp.events.configuration;

import java.time.Instant;

/**
 * An approved delivery pattern mapped to engine pipelines (seed 002, api-contract §9). The three
 * engine-mapping fields are admin-only in reads. {@code status} is "active" or "deprecated".
 */
public record Recipe(String id, String name, String description, String spinnakerApplication, String deployPipeline,
                     String rollbackPipeline, int revision, String effectiveBehaviorSummary, String status,
                     Instant createdAt, String createdBy, Instant updatedAt, String updatedBy,
                     String lastChangeReason) {
    public static final String ACTIVE = "active";
    public static final String DEPRECATED = "deprecated";

    public boolean deprecated() {
        return DEPRECATED.equals(status);
    }
}
