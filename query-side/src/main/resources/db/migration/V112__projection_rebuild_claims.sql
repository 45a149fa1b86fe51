-- Which instance runs a projection's rebuild (one per projection in the whole cluster, docs/DECISIONS.md 177).
-- The instance refreshes heartbeat_at while it runs; a claim left unrefreshed (the instance died) can be
-- taken by a new rebuild request on any instance.
CREATE TABLE projection_rebuild (
    projection   VARCHAR(255) NOT NULL PRIMARY KEY,
    instance     VARCHAR(255) NOT NULL,
    started_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    heartbeat_at TIMESTAMP WITH TIME ZONE NOT NULL,
    finished     BOOLEAN NOT NULL
);
