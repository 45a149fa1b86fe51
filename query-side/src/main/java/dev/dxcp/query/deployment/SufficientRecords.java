package dev.dxcp.query.deployment;

import dev.dxcp.events.deployment.DeploymentState;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Which records must be folded to answer about one record of a scope, so that time travel reads a few
 * event streams instead of the scope's whole history. A displayed outcome (domain §5) depends only on
 * the record's own state, whether one of its rollbacks succeeded, and which record is the scope's latest
 * success; the latest success is found by walking the scope newest first down to the first record that
 * had succeeded. So: that walk, plus the target and its rollbacks.
 */
public final class SufficientRecords {
    private SufficientRecords() {
    }

    /**
     * @param newestFirst the scope's records created by the moment asked about, in history order
     * @param targetId    the record asked about; its answer and the scope's running state are then exact
     * @param load        a record folded as of the moment; empty if it did not exist yet
     */
    public static List<FoldedDeployment> select(List<ScopeEntry> newestFirst, String targetId,
                                                Function<String, Optional<FoldedDeployment>> load) {
        Map<String, FoldedDeployment> chosen = new LinkedHashMap<>();
        for (ScopeEntry entry : newestFirst) {
            Optional<FoldedDeployment> record = load.apply(entry.id());
            record.ifPresent(r -> chosen.put(r.id(), r));
            if (record.map(r -> r.state() == DeploymentState.SUCCEEDED).orElse(false)) {
                break;
            }
        }
        for (ScopeEntry entry : newestFirst) {
            boolean needed = entry.id().equals(targetId) || targetId != null && targetId.equals(entry.rollbackOf());
            if (needed && !chosen.containsKey(entry.id())) {
                load.apply(entry.id()).ifPresent(r -> chosen.put(r.id(), r));
            }
        }
        return List.copyOf(chosen.values());
    }
}
