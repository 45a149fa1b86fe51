-- Deployment history (projection "deployments"): one row per record; outcome is derived at read time.
CREATE TABLE rm_deployment (
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
CREATE INDEX rm_deployment_history ON rm_deployment (created_at DESC, id DESC);
CREATE INDEX rm_deployment_scope ON rm_deployment (service, environment, created_at DESC, id DESC);
CREATE INDEX rm_deployment_environment ON rm_deployment (environment);

-- CurrentRunningState (domain §6): the latest success per service and environment, in history order.
CREATE TABLE rm_running (
    service         VARCHAR(255) NOT NULL,
    environment     VARCHAR(255) NOT NULL,
    deployment_id   VARCHAR(64)  NOT NULL,
    version         VARCHAR(255) NOT NULL,
    deployment_kind VARCHAR(32)  NOT NULL,
    created_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (service, environment)
);
