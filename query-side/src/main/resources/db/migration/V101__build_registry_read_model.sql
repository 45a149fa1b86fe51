-- Read model of the build registry (projection "builds"). Rebuildable from BuildRegistered events.
CREATE TABLE rm_build (
    service          VARCHAR(255) NOT NULL,
    version          VARCHAR(255) NOT NULL,
    id               VARCHAR(64)  NOT NULL,
    artifact_ref     VARCHAR(2048) NOT NULL,
    git_sha          VARCHAR(255) NOT NULL,
    git_branch       VARCHAR(1024) NOT NULL,
    ci_publisher     VARCHAR(255) NOT NULL,
    ci_provider      VARCHAR(255) NOT NULL,
    ci_run_id        VARCHAR(1024) NOT NULL,
    built_at         TIMESTAMP WITH TIME ZONE NOT NULL,
    sha256           VARCHAR(64),
    size_bytes       BIGINT,
    content_type     VARCHAR(255),
    checksum_sha256  VARCHAR(1024),
    repo             VARCHAR(2048),
    actor            VARCHAR(1024),
    commit_url       VARCHAR(2048),
    run_url          VARCHAR(2048),
    registered_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    event_index      BIGINT NOT NULL,
    PRIMARY KEY (service, version)
);
