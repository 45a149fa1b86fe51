-- The audit read model joins projection operations (docs/DECISIONS.md 54): like the read models of
-- V103 it gets two generations behind a view, so a rebuild replays into the inactive one while
-- GET /v1/audit/events keeps answering from the active one, and the switch replaces the view.
-- audit_chain stays a single table: it is evidence written once per event by the live processor, not a
-- read model, and no rebuild reads or writes it.
INSERT INTO rm_generation (projection, active) VALUES ('audit', 1);

ALTER TABLE audit_event RENAME TO audit_event_g1;
CREATE TABLE audit_event_g2 (
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
CREATE INDEX audit_event_g2_newest ON audit_event_g2 (occurred_at DESC, source_position DESC);
CREATE INDEX audit_event_g2_type ON audit_event_g2 (event_type, occurred_at DESC);
CREATE INDEX audit_event_g2_group ON audit_event_g2 (delivery_group_id, occurred_at DESC);
CREATE VIEW audit_event AS SELECT * FROM audit_event_g1;
