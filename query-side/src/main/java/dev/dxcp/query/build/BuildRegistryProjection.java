package dev.dxcp.query.build;

import dev.dxcp.events.build.BuildMessages.BuildRegistered;
import dev.dxcp.events.build.BuildRecord;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.springframework.jdbc.core.JdbcTemplate;

import static dev.dxcp.query.common.SqlTime.toSql;

/**
 * The build registry read model: one row per registered service/version. A service/version is
 * registered once, so replaying an event finds the row already there and changes nothing.
 */
@ProcessingGroup(BuildRegistryProjection.NAME)
public class BuildRegistryProjection {
    public static final String NAME = "builds";

    private final JdbcTemplate jdbc;

    public BuildRegistryProjection(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(BuildRegistered event, TrackedEventMessage<?> message) {
        BuildRecord b = event.build();
        jdbc.update("""
                        INSERT INTO rm_build (service, version, id, artifact_ref, git_sha, git_branch, ci_publisher,
                            ci_provider, ci_run_id, built_at, sha256, size_bytes, content_type, checksum_sha256, repo,
                            actor, commit_url, run_url, registered_at, event_index)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                        ON CONFLICT DO NOTHING""",
                b.service(), b.version(), b.id(), b.artifactRef(), b.gitSha(), b.gitBranch(), b.ciPublisher(),
                b.ciProvider(), b.ciRunId(), toSql(b.builtAt()), b.sha256(), b.sizeBytes(), b.contentType(),
                b.checksumSha256(), b.repo(), b.actor(), b.commitUrl(), b.runUrl(), toSql(b.registeredAt()),
                position(message.trackingToken()));
    }

    @ResetHandler
    void reset() {
        jdbc.update("DELETE FROM rm_build");
    }

    static long position(TrackingToken token) {
        return token == null ? -1 : token.position().orElse(-1);
    }
}
