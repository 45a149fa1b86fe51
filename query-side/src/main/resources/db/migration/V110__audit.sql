-- Audit read model (projection "audit", governance §14). Rebuildable from the event store; one row
-- per audit entry, keyed by its id (the event identifier, suffixed per setting key for rate limits).
CREATE TABLE audit_event (
    event_id          VARCHAR(320)  NOT NULL,
    source_event_id   VARCHAR(255)  NOT NULL,
    source_position   BIGINT        NOT NULL,
    event_type        VARCHAR(64)   NOT NULL,
    actor_id          VARCHAR(1024) NOT NULL,
    actor_role        VARCHAR(64)   NOT NULL,
    target_type       VARCHAR(64)   NOT NULL,
    target_id         VARCHAR(1024),
    occurred_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    outcome           VARCHAR(16)   NOT NULL,
    summary           VARCHAR(1048576) NOT NULL,
    delivery_group_id VARCHAR(255),
    service_name      VARCHAR(255),
    environment       VARCHAR(255),
    PRIMARY KEY (event_id)
);
CREATE INDEX audit_event_newest ON audit_event (occurred_at DESC, source_position DESC);
CREATE INDEX audit_event_type ON audit_event (event_type, occurred_at DESC);
CREATE INDEX audit_event_group ON audit_event (delivery_group_id, occurred_at DESC);

-- Tamper-evidence chain (docs/AUDIT.md): one link per stored event, in the order the audit projection
-- processed them. Not cleared by a projection reset: it records what the rows were when first seen.
CREATE TABLE audit_chain (
    link          BIGINT       NOT NULL,
    position      BIGINT       NOT NULL,
    event_id      VARCHAR(255) NOT NULL,
    previous_hash VARCHAR(64)  NOT NULL,
    entry_hash    VARCHAR(64)  NOT NULL,
    chained_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (link),
    CONSTRAINT audit_chain_event UNIQUE (event_id)
);
CREATE INDEX audit_chain_position ON audit_chain (position);
