package dev.dxcp.query.build;

import dev.dxcp.events.build.BuildMessages.BuildRegistered;
import dev.dxcp.events.build.BuildRecord;
import dev.dxcp.query.common.BatchedStatements;
import dev.dxcp.query.operations.Generation;
import dev.dxcp.query.operations.GenerationTarget;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.springframework.jdbc.core.JdbcTemplate;

import java.util.List;

import static dev.dxcp.query.common.SqlTime.toSql;

/**
 * The build registry read model: one row per registered service/version. A service/version is
 * registered once, so replaying an event finds the row already there and changes nothing. Rows go to
 * the generation the target names (the active one live, the new one during a rebuild), batched per
 * batch of events.
 */
@ProcessingGroup(BuildRegistryProjection.NAME)
public class BuildRegistryProjection {
    public static final String NAME = "builds";
    /** The tables of this read model, by their reader-facing names. */
    public static final List<String> TABLES = List.of("rm_build");

    private final JdbcTemplate jdbc;
    private final GenerationTarget target;
    private final BatchedStatements inserts;

    public BuildRegistryProjection(JdbcTemplate jdbc, GenerationTarget target) {
        this.jdbc = jdbc;
        this.target = target;
        this.inserts = new BatchedStatements(jdbc, NAME);
    }

    @EventHandler
    void on(BuildRegistered event, TrackedEventMessage<?> message) {
        Generation generation = target.forEvent(message);
        if (generation == null) {
            return;
        }
        BuildRecord b = event.build();
        inserts.add(message, "INSERT INTO " + generation.table("rm_build") + """
                         (service, version, id, artifact_ref, git_sha, git_branch, ci_publisher,
                            ci_provider, ci_run_id, built_at, sha256, size_bytes, content_type, checksum_sha256, repo,
                            actor, commit_url, run_url, registered_at, event_index)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                        ON CONFLICT DO NOTHING""",
                b.service(), b.version(), b.id(), b.artifactRef(), b.gitSha(), b.gitBranch(), b.ciPublisher(),
                b.ciProvider(), b.ciRunId(), toSql(b.builtAt()), b.sha256(), b.sizeBytes(), b.contentType(),
                b.checksumSha256(), b.repo(), b.actor(), b.commitUrl(), b.runUrl(), toSql(b.registeredAt()),
                GenerationTarget.position(message));
    }

    @ResetHandler
    void reset() {
        jdbc.update("DELETE FROM " + target.startingOver().table("rm_build"));
    }
}
