-- Rebuild without an outage: every rebuildable projection keeps two generations of its tables
-- (<table>_g1, <table>_g2). The live projection writes the active one; a rebuild replays the event
-- store into the other and then switches. Readers use the plain names, which are views over the
-- active generation, replaced in the same transaction that flips rm_generation.active.
CREATE TABLE rm_generation (
    projection      VARCHAR(100) NOT NULL,
    active          INTEGER      NOT NULL,
    -- The rebuild's final position: events it covered are already in the active generation, so the
    -- live projection skips them; everything else it writes there (gaps included).
    handover_index  BIGINT,
    handover_gaps   VARCHAR(1000000),
    switched_at     TIMESTAMP WITH TIME ZONE,
    PRIMARY KEY (projection)
);
INSERT INTO rm_generation (projection, active) VALUES ('builds', 1);
INSERT INTO rm_generation (projection, active) VALUES ('deployments', 1);

ALTER TABLE rm_build RENAME TO rm_build_g1;
CREATE TABLE rm_build_g2 (
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
CREATE VIEW rm_build AS SELECT * FROM rm_build_g1;

ALTER TABLE rm_deployment RENAME TO rm_deployment_g1;
ALTER TABLE rm_running RENAME TO rm_running_g1;
CREATE TABLE rm_deployment_g2 (
    id                         VARCHAR(64)  NOT NULL,
    service                    VARCHAR(255) NOT NULL,
    environment                VARCHAR(255) NOT NULL,
    version                    VARCHAR(255) NOT NULL,
    source_environment         VARCHAR(255),
    recipe_id                  VARCHAR(255),
    recipe_revision            INTEGER      NOT NULL,
    effective_behavior_summary VARCHAR(1024),
    state                      VARCHAR(32)  NOT NULL,
    deployment_kind            VARCHAR(32)  NOT NULL,
    change_summary             VARCHAR(1024),
    created_at                 TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at                 TIMESTAMP WITH TIME ZONE NOT NULL,
    rollback_of                VARCHAR(64),
    rolled_back_by             VARCHAR(64),
    delivery_group_id          VARCHAR(255),
    engine_execution_id        VARCHAR(255),
    engine_execution_url       VARCHAR(2048),
    failures                   VARCHAR(65535),
    actor_id                   VARCHAR(1024),
    event_index                BIGINT       NOT NULL,
    PRIMARY KEY (id)
);
CREATE INDEX rm_deployment_g2_history ON rm_deployment_g2 (created_at DESC, id DESC);
CREATE INDEX rm_deployment_g2_scope ON rm_deployment_g2 (service, environment, created_at DESC, id DESC);
CREATE INDEX rm_deployment_g2_environment ON rm_deployment_g2 (environment);
CREATE TABLE rm_running_g2 (
    service         VARCHAR(255) NOT NULL,
    environment     VARCHAR(255) NOT NULL,
    deployment_id   VARCHAR(64)  NOT NULL,
    version         VARCHAR(255) NOT NULL,
    deployment_kind VARCHAR(32)  NOT NULL,
    created_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (service, environment)
);
CREATE VIEW rm_deployment AS SELECT * FROM rm_deployment_g1;
CREATE VIEW rm_running AS SELECT * FROM rm_running_g1;
