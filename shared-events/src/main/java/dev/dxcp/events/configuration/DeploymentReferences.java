package dev.dxcp.events.configuration;

import java.util.List;

/**
 * How many deployment records name an environment, with up to five example ids. Deployment history
 * lives in a read model, so the edge asks it before sending the command and the aggregate decides
 * on the answer without doing I/O itself.
 */
public record DeploymentReferences(long count, List<String> examples) {
    public static final DeploymentReferences NONE = new DeploymentReferences(0, List.of());

    public DeploymentReferences {
        examples = examples == null ? List.of() : List.copyOf(examples);
    }
}
