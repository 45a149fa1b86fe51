-- Notifications (docs/GOVERNANCE.md "Notifications"): webhook deliveries from a durable outbox.
-- Secrets of webhook subscriptions. Subscription events name a row by secret_ref and never carry the value,
-- like engine_adapter_secret: the event store is streamed as the audit replay and cannot forget.
CREATE TABLE notify_secret (
    secret_ref   VARCHAR(64)              NOT NULL PRIMARY KEY,
    secret_value TEXT                     NOT NULL,
    stored_at    TIMESTAMP WITH TIME ZONE NOT NULL
);

-- The subscriptions as the outbox processor has read them so far, so each event is matched against the
-- subscriptions that existed when it happened. Emptied when the processor is reset, and refolded.
CREATE TABLE notify_subscription (
    subscription_id VARCHAR(64)  NOT NULL PRIMARY KEY,
    url             TEXT         NOT NULL,
    event_types     TEXT         NOT NULL,
    delivery_groups TEXT         NOT NULL,
    format          VARCHAR(16)  NOT NULL,
    secret_ref      VARCHAR(64),
    enabled         BOOLEAN      NOT NULL
);

-- Where each deployment goes, for the events that name only the deployment (success, failure).
CREATE TABLE notify_deployment (
    deployment_id     VARCHAR(64)  NOT NULL PRIMARY KEY,
    deployment_kind   VARCHAR(32)  NOT NULL,
    service_name      VARCHAR(255) NOT NULL,
    environment       VARCHAR(255) NOT NULL,
    delivery_group_id VARCHAR(255),
    version           VARCHAR(255),
    rollback_of       VARCHAR(64),
    requested_by      VARCHAR(255)
);

-- One row per (event, subscription): a replay or a second instance inserts nothing more. The body is
-- rendered once, so every attempt sends the same bytes; the signature is computed at each attempt from the
-- subscription's secret. A dispatcher claims due rows by setting claimed_until (a lease) with a conditional
-- update, so two instances never send a row at the same time while the lease holds.
CREATE TABLE notify_outbox (
    delivery_id      VARCHAR(64)              NOT NULL PRIMARY KEY,
    event_id         VARCHAR(255)             NOT NULL,
    subscription_id  VARCHAR(64)              NOT NULL,
    event_type       VARCHAR(64)              NOT NULL,
    deployment_id    VARCHAR(64),
    body             TEXT                     NOT NULL,
    status           VARCHAR(16)              NOT NULL,
    attempts         INTEGER                  NOT NULL,
    next_attempt_at  TIMESTAMP WITH TIME ZONE,
    claimed_until    TIMESTAMP WITH TIME ZONE,
    last_attempt_at  TIMESTAMP WITH TIME ZONE,
    last_status_code INTEGER,
    last_error       VARCHAR(300),
    delivered_at     TIMESTAMP WITH TIME ZONE,
    created_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT notify_outbox_event_subscription UNIQUE (event_id, subscription_id)
);
CREATE INDEX notify_outbox_due ON notify_outbox (status, next_attempt_at);
CREATE INDEX notify_outbox_log ON notify_outbox (subscription_id, created_at);
