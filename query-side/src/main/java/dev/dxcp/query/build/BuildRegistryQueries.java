package dev.dxcp.query.build;

import dev.dxcp.events.build.BuildMessages.FindBuild;
import dev.dxcp.events.build.BuildMessages.ListRegisteredBuilds;
import dev.dxcp.events.build.BuildMessages.RegisteredBuilds;
import dev.dxcp.events.build.BuildRecord;
import dev.dxcp.query.common.SqlTime;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;

import java.util.List;
import java.util.Optional;

/** Answers build registry questions from the "builds" read model. */
public class BuildRegistryQueries {
    private static final RowMapper<BuildRecord> ROW = (rs, i) -> new BuildRecord(rs.getString("id"),
            rs.getString("service"), rs.getString("version"), rs.getString("artifact_ref"), rs.getString("git_sha"),
            rs.getString("git_branch"), rs.getString("ci_publisher"), rs.getString("ci_provider"),
            rs.getString("ci_run_id"), SqlTime.read(rs, "built_at"), rs.getString("sha256"),
            (Long) rs.getObject("size_bytes", Long.class), rs.getString("content_type"),
            rs.getString("checksum_sha256"), rs.getString("repo"), rs.getString("actor"), rs.getString("commit_url"),
            rs.getString("run_url"), SqlTime.read(rs, "registered_at"));

    private final JdbcTemplate jdbc;

    public BuildRegistryQueries(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @QueryHandler
    public Optional<BuildRecord> handle(FindBuild query) {
        return jdbc.query("SELECT * FROM rm_build WHERE service = ? AND version = ?", ROW, query.service(),
                query.version()).stream().findFirst();
    }

    /** Newest registration first, so that equal semver keys keep registry order (domain §11). */
    @QueryHandler
    public RegisteredBuilds handle(ListRegisteredBuilds query) {
        List<BuildRecord> builds = jdbc.query(
                "SELECT * FROM rm_build WHERE service = ? ORDER BY registered_at DESC, id DESC", ROW,
                query.service());
        return new RegisteredBuilds(builds);
    }
}
